// swift-tools-version:6.0
import PackageDescription

// LeSocial stands on the Swift toolchain and on C libraries from Debian only;
// each C library is reached through a system-library target (module map only).
let package = Package(
    name: "LeSocial",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lesocial", targets: ["lesocial"])
    ],
    targets: [
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd", providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(name: "CCmark", providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),

        .target(name: "Logging"),
        .target(name: "Mustache"),
        .target(name: "Web", dependencies: ["CMicroHTTPD", "Logging"]),
        .target(name: "Storage", dependencies: ["CSQLite", "Logging"]),
        .target(name: "Security", dependencies: ["COpenSSL"]),
        .target(name: "Accounts", dependencies: ["Storage", "Security", "Logging"]),
        .target(name: "Exams", dependencies: ["Storage", "Logging"]),
        .target(name: "Billing", dependencies: ["Storage", "Security", "Logging"]),
        .target(name: "Portal", dependencies: [
            "Web", "Mustache", "Storage", "Security", "Accounts", "Exams", "Billing", "CCmark", "CCurl", "Logging",
        ]),
        .executableTarget(name: "lesocial", dependencies: ["Portal"]),

        .testTarget(name: "MustacheTests", dependencies: ["Mustache"]),
        .testTarget(name: "WebTests", dependencies: ["Web"]),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "Logging"]),
        .testTarget(name: "SecurityTests", dependencies: ["Security"]),
        .testTarget(name: "AccountsTests", dependencies: ["Accounts", "Storage", "Security", "Logging"]),
        .testTarget(name: "ExamsTests", dependencies: ["Exams", "Storage", "Logging"]),
        .testTarget(name: "BillingTests", dependencies: ["Billing", "Storage", "Security", "Logging"]),
        .testTarget(name: "BankTests", dependencies: ["Exams"]),
        .testTarget(
            name: "PortalTests",
            dependencies: ["Portal", "Web", "Accounts", "Storage", "Security", "Exams", "Billing", "Logging"]),
    ],
    swiftLanguageModes: [.v5]
)
