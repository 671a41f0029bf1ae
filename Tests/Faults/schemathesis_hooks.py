"""Schemathesis hooks (loaded through SCHEMATHESIS_HOOKS by test_schemathesis.py).

Random attempt tokens only ever reach the 404 branch, so path parameters are drawn from the generated
value, the tokens of real attempts and real item positions (0-9, and a few past the end). Tokens come
from the environment: LESOCIAL_ST_TOKENS (the visitor's open attempts, for reading and saving),
LESOCIAL_ST_CLOSING (the visitor's attempt that submit and next-section may close, so the others stay
open for saves) and LESOCIAL_ST_STRANGER (another visitor's attempt, which must stay invisible)."""

import os

import schemathesis
from hypothesis import strategies as st


def tokens(name):
    return [t for t in os.environ.get(name, "").split(",") if t]


OPEN, CLOSING, STRANGER = tokens("LESOCIAL_ST_TOKENS"), tokens("LESOCIAL_ST_CLOSING"), tokens("LESOCIAL_ST_STRANGER")


@schemathesis.hook
def flatmap_path_parameters(context, path_parameters):
    if "token" not in (path_parameters or {}):
        return st.just(path_parameters)
    path = getattr(context.operation, "path", "") or ""
    closes = path.endswith("/submit") or path.endswith("/next-section")
    real_tokens = (CLOSING if closes else OPEN) + STRANGER
    if not real_tokens:
        return st.just(path_parameters)

    def real(token, position):
        values = dict(path_parameters, token=token)
        if "position" in values:
            values["position"] = position
        return values

    return st.one_of(
        st.just(path_parameters),
        st.builds(real, st.sampled_from(real_tokens), st.integers(min_value=0, max_value=11)),
    )
