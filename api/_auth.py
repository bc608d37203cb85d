"""Authentication at the HTTP edge: API keys and JWT bearer tokens to a ``Principal``."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jwt

from api._errors import AuthError, Code
from api._keys import PREFIX, KeyStore
from api._principal import DEMO, Principal, Role


class JwtVerifier:
    """HS256 with a shared secret, RS256 with keys from a JWKS file; ``exp`` is required."""

    def __init__(
        self,
        secret: str | None = None,
        jwks_file: Path | None = None,
        issuer: str | None = None,
        audience: str | None = None,
    ) -> None:
        self._secret = secret
        self._keys: dict[str, Any] = {}
        if jwks_file is not None:
            jwks = jwt.PyJWKSet.from_dict(json.loads(jwks_file.read_text(encoding="utf-8")))
            self._keys = {k.key_id or "": k.key for k in jwks.keys}
        self._issuer = issuer
        self._audience = audience

    @property
    def enabled(self) -> bool:
        return bool(self._secret or self._keys)

    def verify(self, token: str) -> Principal:
        try:
            header = jwt.get_unverified_header(token)
            alg = header.get("alg")
            key: Any
            if alg == "HS256" and self._secret:
                key = self._secret
            elif alg == "RS256" and self._keys:
                kid = header.get("kid") or ""
                if kid not in self._keys and not (len(self._keys) == 1 and not kid):
                    raise AuthError(Code.UNAUTHENTICATED, "token signed with an unknown key")
                key = self._keys.get(kid) or next(iter(self._keys.values()))
            else:
                raise AuthError(Code.UNAUTHENTICATED, f"token algorithm {alg!r} is not accepted")
            claims: dict[str, Any] = jwt.decode(
                token,
                key,
                algorithms=[alg],
                issuer=self._issuer,
                audience=self._audience,
                options={"require": ["exp", "sub"], "verify_aud": self._audience is not None},
            )
        except jwt.ExpiredSignatureError:
            raise AuthError(Code.UNAUTHENTICATED, "token expired") from None
        except jwt.InvalidTokenError as exc:
            raise AuthError(Code.UNAUTHENTICATED, f"invalid token: {exc}") from None
        return principal_from_claims(claims)


def principal_from_claims(claims: Mapping[str, Any]) -> Principal:
    try:
        role = Role(str(claims.get("role", "")))
    except ValueError:
        raise AuthError(Code.UNAUTHENTICATED, "token has no valid role claim") from None
    territories = claims.get("territories") or ([claims["territory"]] if claims.get("territory") else [])
    if not isinstance(territories, list) or not all(isinstance(t, str) for t in territories):
        raise AuthError(Code.UNAUTHENTICATED, "territories claim must be a list of strings")
    person = claims.get("person_id")
    return Principal(
        subject=f"jwt:{claims['sub']}",
        role=role,
        territories=frozenset(territories),
        person_id=str(person) if person else None,
        pii=claims.get("pii") is True,
        via="jwt",
        name=str(claims.get("name") or ""),
    )


class Authenticator:
    """Turns request headers into a principal, or raises ``AuthError``."""

    def __init__(self, keys: KeyStore | None, jwt_verifier: JwtVerifier | None, demo: bool = False) -> None:
        self.keys = keys
        self.jwt = jwt_verifier
        self.demo = demo

    def authenticate(self, headers: Mapping[str, str]) -> Principal:
        if self.demo:
            return DEMO
        auth = headers.get("authorization", "")
        scheme, _, credential = auth.partition(" ")
        credential = credential.strip()
        api_key = headers.get("x-api-key", "").strip()
        if scheme.lower() == "bearer" and credential.startswith(PREFIX):
            api_key = credential
        if api_key:
            record = self.keys.verify(api_key) if self.keys else None
            if record is None:
                raise AuthError(Code.UNAUTHENTICATED, "unknown or revoked API key")
            return record.principal()
        if scheme.lower() == "bearer" and credential:
            if self.jwt is None or not self.jwt.enabled:
                raise AuthError(Code.UNAUTHENTICATED, "bearer tokens are not configured on this server")
            return self.jwt.verify(credential)
        raise AuthError(Code.UNAUTHENTICATED, "send an API key (X-API-Key or Bearer ag_...) or a JWT")
