import Testing

@testable import Security

private let cheap = PasswordHasher(parameters: .testing)

@Test func hashIsASelfDescribingScryptString() throws {
    let stored = try cheap.hash("correct horse")
    let fields = stored.split(separator: "$", omittingEmptySubsequences: false)

    #expect(stored.hasPrefix("$scrypt$ln=10,r=8,p=1$"))
    #expect(fields.count == 5)
    #expect(Base64Alphabet.standard.decode(String(fields[3]))?.count == 16)
    #expect(Base64Alphabet.standard.decode(String(fields[4]))?.count == 32)
}

@Test func hashVerifiesTheRightPasswordOnly() throws {
    let stored = try cheap.hash("correct horse")

    #expect(cheap.verify("correct horse", against: stored))
    #expect(!cheap.verify("correct horsE", against: stored))
    #expect(!cheap.verify("", against: stored))
}

@Test func hashingTheSamePasswordTwiceUsesDifferentSalts() throws {
    #expect(try cheap.hash("mot de passe") != cheap.hash("mot de passe"))
}

@Test func hashAcceptsEmptyAndNonASCIIPasswords() throws {
    let empty = try cheap.hash("")
    let accented = try cheap.hash("éducateur spécialisé ✓")

    #expect(cheap.verify("", against: empty))
    #expect(cheap.verify("éducateur spécialisé ✓", against: accented))
    #expect(!cheap.verify("educateur specialise ✓", against: accented))
}

@Test func verifyMatchesTheRFC7914ScryptVector() {
    let key = "/bq+HJ00cgB4VucZDQHp/nxq18vII3gw53N2Y0s3MWIurzDZLiKjiG/xCSedmDDaxyevuUqD7m2DYMvfoswGQA"
    let stored = "$scrypt$ln=10,r=8,p=16$TmFDbA$\(key)"

    #expect(cheap.verify("password", against: stored))
    #expect(!cheap.verify("Password", against: stored))
}

@Test(arguments: [
    "",
    "plaintext",
    "$scrypt$",
    "$scrypt$ln=10,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA",
    "$bcrypt$ln=10,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
    "$scrypt$ln=10,r=8$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
    "$scrypt$ln=10,r=8,p=1,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
    "$scrypt$ln=40,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
    "$scrypt$ln=22,r=32,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
    "$scrypt$ln=ten,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
    "$scrypt$ln=10,r=8,p=1$!!!$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
    "$scrypt$ln=10,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
])
func malformedStoredStringNeverVerifiesAndNeedsRehash(stored: String) {
    #expect(!cheap.verify("anything", against: stored))
    #expect(cheap.needsRehash(stored))
}

@Test func needsRehashWhenStoredParametersAreWeakerThanCurrent() throws {
    let stored = try cheap.hash("secret")

    #expect(!cheap.needsRehash(stored))
    #expect(PasswordHasher(parameters: .owasp).needsRehash(stored))
    #expect(PasswordHasher(parameters: ScryptParameters(logN: 10, r: 8, p: 2)).needsRehash(stored))
    #expect(!PasswordHasher(parameters: ScryptParameters(logN: 9, r: 8, p: 1)).needsRehash(stored))
}

@Test func owaspParametersHashVerifyAndNeedNoRehash() throws {
    let hasher = PasswordHasher()
    let stored = try hasher.hash("concours IFSI 2026")

    #expect(hasher.parameters == .owasp)
    #expect(stored.hasPrefix("$scrypt$ln=17,r=8,p=1$"))
    #expect(hasher.verify("concours IFSI 2026", against: stored))
    #expect(!hasher.needsRehash(stored))
}
