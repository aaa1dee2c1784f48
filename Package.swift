// swift-tools-version:6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
  name: "pnsdoctor",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "pnsdoctor", targets: ["pnsdoctor"]),
    .executable(name: "pnsdoctor-serve", targets: ["pnsdoctor-serve"]),
    .library(name: "PNSDoctorCore", targets: ["PNSDoctorCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    // For the receiver's push signatures (HMAC-SHA256, SHA-256); pnsdoctor itself does not
    // link it, so the README's first command does not build it.
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    // The live receiver's server (`pnsdoctor-serve`, its own product: pnsdoctor does not link
    // it). Without its default traits: no swift-configuration to build.
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0", traits: []),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.0"),
    // Tap mode: each push relayed to the customer's own receiver.
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    // `--tls-cert`: the receiver's HTTPS (built already for the relay's client).
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.0"),
  ],
  targets: [
    .target(
      name: "PNSDoctorCore",
      dependencies: [
        "CZstd",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Yams", package: "Yams"),
      ],
      swiftSettings: strictSettings
    ),
    // ncursesw through a C shim. No pkgConfig: its cflags (-D_XOPEN_SOURCE=600) are flags
    // SwiftPM refuses; the shim defines what it needs and the module map links ncursesw.
    .systemLibrary(
      name: "CNcurses",
      providers: [.apt(["libncurses-dev"])]
    ),
    // libzstd, which compresses each call's messages in the store (with dictionaries trained
    // from the store's own data).
    .systemLibrary(
      name: "CZstd",
      providers: [.apt(["libzstd-dev"])]
    ),
    // The live receiver's parts that need no server (the `serve` issue builds on them): push
    // signatures checked against the app secrets.
    .target(
      name: "PNSDoctorReceiver",
      dependencies: ["PNSDoctorCore", .product(name: "Crypto", package: "swift-crypto")],
      swiftSettings: strictSettings
    ),
    // The live receiver's HTTP server: `pnsdoctor serve` runs it (git-style), so that a newcomer's
    // first build of pnsdoctor does not wait for the server libraries.
    .executableTarget(
      name: "pnsdoctor-serve",
      dependencies: [
        "PNSDoctorReceiver",
        "PNSDoctorCore",
        "PNSDoctorKnowledge",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdTLS", package: "hummingbird"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Prometheus", package: "swift-prometheus"),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strictSettings
    ),
    .target(
      name: "PNSDoctorTUI",
      dependencies: ["PNSDoctorCore", "CNcurses"],
      swiftSettings: strictSettings
    ),
    // The Knowledge/ folder, embedded into the program at build time.
    .target(
      name: "PNSDoctorKnowledge",
      swiftSettings: strictSettings,
      plugins: ["EmbedKnowledgePlugin"]
    ),
    .executableTarget(name: "KnowledgeEmbedder", swiftSettings: strictSettings),
    .plugin(
      name: "EmbedKnowledgePlugin",
      capability: .buildTool(),
      dependencies: ["KnowledgeEmbedder"],
      path: "Sources/EmbedKnowledgePlugin"
    ),
    .executableTarget(
      name: "pnsdoctor",
      dependencies: [
        "PNSDoctorCore",
        "PNSDoctorKnowledge",
        "PNSDoctorTUI",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strictSettings
    ),
    // The benchmark: `swift run -c release pnsdoctor-bench [--calls N]`. It runs the
    // pnsdoctor and pnsdoctor-serve built beside it, hence the dependencies.
    .executableTarget(
      name: "pnsdoctor-bench",
      dependencies: [
        "pnsdoctor",
        "pnsdoctor-serve",
        "PNSDoctorCore",
        "PNSDoctorKnowledge",
        "PNSDoctorTUI",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strictSettings
    ),
    // The fuzz targets: `.ci/fuzz` builds this with `-sanitize=fuzzer,address -D FUZZING`; a plain
    // build replays files through the same code (`pnsdoctor-fuzz FILE...`).
    .executableTarget(
      name: "pnsdoctor-fuzz",
      dependencies: ["PNSDoctorCore", .product(name: "GRDB", package: "GRDB.swift")],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "PNSDoctorCoreTests",
      dependencies: ["PNSDoctorCore", "PNSDoctorKnowledge"],
      resources: [.copy("Fixtures")],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "PNSDoctorReceiverTests",
      dependencies: ["PNSDoctorReceiver"],
      swiftSettings: strictSettings
    ),
    // Integration tests of the receiver: they start the built pnsdoctor-serve on loopback ports.
    .testTarget(
      name: "PNSDoctorServeTests",
      dependencies: [
        "pnsdoctor-serve", "pnsdoctor",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "GRDB", package: "GRDB.swift"),
      ],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "PNSDoctorTUITests",
      dependencies: ["PNSDoctorTUI", "PNSDoctorCore", .product(name: "GRDB", package: "GRDB.swift")],
      exclude: ["Snapshots", "Fixtures"],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "PNSDoctorCLITests",
      dependencies: [
        "pnsdoctor", "PNSDoctorCore", .product(name: "GRDB", package: "GRDB.swift"),
      ],
      swiftSettings: strictSettings
    ),
  ],
  swiftLanguageModes: [.v6]
)
