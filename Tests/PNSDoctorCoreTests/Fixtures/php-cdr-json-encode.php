<?php
// What a Laravel receiver's test builds: the push as json_encode of a PHP array.
$body = json_encode([
    'eventType' => 'fee',
    'feeLst' => [
        [
            'direction' => 1,
            'spId' => '****',
            'appKey' => '****',
            'icid' => 'ba171f34e6953fcd751edc77127748f4.3757285803.338666679.5',
            'bindNum' => '+8612000000001',
            'sessionId' => '1200_1827_4294967295_20190124023003@callenabler246.huaweicaas.com',
            'subscriptionId' => '****',
            'callerNum' => '+8610000000021',
            'calleeNum' => '+8612000000001',
            'fwdDisplayNum' => '+8612000000001',
            'fwdDstNum' => '+8610100000022',
            'callInTime' => '2019-01-24 02:30:03',
            'fwdStartTime' => '2019-01-24 02:30:03',
            'callEndTime' => '2019-01-24 02:30:09',
            'fwdUnaswRsn' => 20,
            'ulFailReason' => 8104,
            'sipStatusCode' => 480,
            'callOutUnaswRsn' => 0,
            'recordFlag' => 0,
            'ttsPlayTimes' => 0,
            'ttsTransDuration' => 0,
            'serviceType' => "004", # AXB
            'hostName' => 'callenabler246.huaweicaas.com',
        ],
    ],
]);
// The disconnect event, as it sits commented out in the same controller:
// $event = [
//     'eventType' => 'disconnect',
//     'statusInfo' => [
//         'sessionId' => '1200_1827_4294967295_20190124023003@callenabler246.huaweicaas.com',
//         'timestamp' => '2019-01-24 02:30:09',
//         'caller' => '+8610000000021',
//         'called' => '+8610100000022',
//         'stateCode' => 8104,
//         'stateDesc' => 'The callee is powered off.',
//         'subscriptionId' => '****', ],
// ];
