result = {'eventType': 'fee', 'feeLst': [
    {'direction': 0, 'spId': 'CaaS_Test_01', 'appKey': '****',
     'icid': 'CAE-20181018135430-12016920', 'bindNum': '+8610000002657',
     'sessionId': '1201_8658_4294967295_20181018055430@callenabler245.huaweicaas.com', 'callerNum': '+8610096520',
     'calleeNum': '+86136****0340', 'fwdDisplayNum': '+8610096520', 'fwdDstNum': '+86132****2595',
     'fwdStartTime': '2018-10-18 05:54:51', 'fwdAlertingTime': '2018-10-18 05:54:52',
     'callEndTime': '2018-10-18 05:54:53', 'fwdUnaswRsn': 0, 'failTime': '2018-10-18 05:54:53', 'ulFailReason': 518,
     'sipStatusCode': 480, 'callOutStartTime': '2018-10-18 05:54:30', 'callOutAlertingTime': '2018-10-18 05:54:36',
     'callOutAnswerTime': '2018-10-18 05:54:51', 'callOutUnaswRsn': 0, 'recordFlag': 0, 'ttsPlayTimes': 0,
     'ttsTransDuration': 0, 'serviceType': '002', 'hostName': 'callenabler245.huaweicaas.com',
     'userData': 'demo-user'}]}
