"""Access tokens interoperate with PyJWT: PyJWT verifies a LeSocial token from the JWKS alone,
and LeSocial accepts a token PyJWT signed with a key LeSocial publishes."""

import base64
import hashlib
import http.cookiejar
import json
import os
import re
import time
import urllib.parse
import urllib.request
from pathlib import Path

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

PASSWORD = "une phrase de passe solide"


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def okp_jwk(private_key, with_private=False):
    """The JWK of an Ed25519 key, with its RFC 7638 thumbprint as kid."""
    raw = private_key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    x = b64url(raw)
    canonical = json.dumps({"crv": "Ed25519", "kty": "OKP", "x": x}, separators=(",", ":"), sort_keys=True)
    jwk = {"kty": "OKP", "crv": "Ed25519", "x": x, "kid": b64url(hashlib.sha256(canonical.encode()).digest()),
           "alg": "EdDSA", "use": "sig"}
    if with_private:
        seed = private_key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                         serialization.NoEncryption())
        jwk["d"] = b64url(seed)
    return jwk


class Client:
    """A cookie-keeping HTTP client that fills the CSRF field the way a browser form does."""

    def __init__(self, portal):
        self.portal = portal
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path, headers=None):
        request = urllib.request.Request(self.portal.url(path), headers=headers or {})
        return self.opener.open(request, timeout=10)

    def csrf(self, path):
        html = self.get(path).read().decode()
        return re.search(r'name="csrf" value="([^"]+)"', html).group(1)

    def post_form(self, path, fields):
        fields = dict(fields, csrf=self.csrf(path))
        data = urllib.parse.urlencode(fields).encode()
        return self.opener.open(urllib.request.Request(self.portal.url(path), data=data), timeout=10)

    def access_token(self):
        token = self.csrf("/compte")
        request = urllib.request.Request(self.portal.url("/api/v1/token"), data=b"", method="POST",
                                         headers={"X-CSRF-Token": token})
        body = json.load(self.opener.open(request, timeout=10))
        assert body["token_type"] == "Bearer"
        assert body["expires_in"] == 600
        return body["access_token"]


def me(portal, token):
    request = urllib.request.Request(portal.url("/api/v1/me"), headers={"Authorization": f"Bearer {token}"})
    try:
        response = urllib.request.urlopen(request, timeout=10)
        return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def jwks(portal):
    with urllib.request.urlopen(portal.url("/.well-known/jwks.json"), timeout=10) as response:
        return json.load(response)


def test_pyjwt_verifies_a_lesocial_token_with_the_jwks_only(portal):
    client = Client(portal)
    client.post_form("/inscription", {"email": "jeton@exemple.fr", "display_name": "Jeton", "password": PASSWORD})
    token = client.access_token()

    keys = jwks(portal)["keys"]
    kid = jwt.get_unverified_header(token)["kid"]
    key = jwt.PyJWK(next(k for k in keys if k["kid"] == kid))
    claims = jwt.decode(token, key=key, algorithms=["EdDSA"], audience="lesocial-api", issuer=portal.base)

    assert jwt.get_unverified_header(token)["alg"] == "EdDSA"
    assert claims["sub"].isdigit()
    assert claims["exp"] - claims["iat"] == 600
    assert claims["nbf"] <= time.time() + 30
    assert claims["jti"]
    assert claims["ent"] == []

    tampered = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    try:
        jwt.decode(tampered, key=key, algorithms=["EdDSA"], audience="lesocial-api", issuer=portal.base)
        raise AssertionError("PyJWT accepted a tampered token")
    except jwt.InvalidSignatureError:
        pass


def test_lesocial_accepts_a_token_pyjwt_signed_with_a_key_it_publishes(portal):
    client = Client(portal)
    client.post_form("/inscription", {"email": "cle@exemple.fr", "display_name": "Clé", "password": PASSWORD})
    earlier = client.access_token()
    user_id = jwt.decode(earlier, options={"verify_signature": False})["sub"]
    original = jwks(portal)["keys"][0]

    # Install a key ring whose active key this test made, keeping LeSocial's key published,
    # in the file format SigningKeyRing reads; the server picks the new file up, as after `keys rotate`.
    private_key = Ed25519PrivateKey.generate()
    ring = {"version": 1, "active": okp_jwk(private_key, with_private=True),
            "retired": [{"key": original, "publishUntil": int(time.time()) + 900}]}
    path = Path(portal.data) / "signing-keys.json"
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(ring))
    os.chmod(temporary, 0o600)
    os.replace(temporary, path)

    published = {k["kid"] for k in jwks(portal)["keys"]}
    ours = okp_jwk(private_key)
    assert published == {ours["kid"], original["kid"]}

    now = int(time.time())
    pem = private_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
    signed = jwt.encode(
        {"iss": portal.base, "sub": user_id, "aud": "lesocial-api", "iat": now, "nbf": now, "exp": now + 300,
         "jti": "pyjwt-interop", "ent": [{"scope": "ifsi", "until": now + 3600}]},
        pem, algorithm="EdDSA", headers={"kid": ours["kid"]})

    status, body = me(portal, signed)
    assert status == 200, body
    assert body["sub"] == user_id
    assert body["ent"] == [{"scope": "ifsi", "until": now + 3600}]

    status, body = me(portal, earlier)
    assert status == 200, body

    # The classic confusion attack: HS256 with the published public key as the HMAC secret.
    hs256 = jwt.encode({"iss": portal.base, "sub": user_id, "aud": "lesocial-api", "iat": now, "nbf": now,
                        "exp": now + 300, "jti": "hs"}, ours["x"], algorithm="HS256",
                       headers={"kid": ours["kid"]})
    status, body = me(portal, hs256)
    assert status == 401
    assert body["code"] == "token_algorithm_refused"

    stranger = Ed25519PrivateKey.generate()
    unknown = jwt.encode({"iss": portal.base, "sub": user_id, "aud": "lesocial-api", "iat": now, "nbf": now,
                          "exp": now + 300, "jti": "x"},
                         stranger.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                serialization.NoEncryption()),
                         algorithm="EdDSA", headers={"kid": okp_jwk(stranger)["kid"]})
    status, body = me(portal, unknown)
    assert status == 401
    assert body["code"] == "token_kid_unknown"
