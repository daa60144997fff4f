"""A repr of settings that is the same in every process for the same values.

``repr`` shows functions and most objects by memory address, and sets in
hash order; this one names functions and classes by module and qualified
name (their code is hashed apart), shows other objects by class and
attributes, and sorts dictionaries and sets.
"""

import re
import types

_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def stable_repr(value) -> str:
    if isinstance(value, str | bytes | int | float | bool | type(None)):
        return repr(value)
    if isinstance(value, dict):
        items = sorted((stable_repr(k), stable_repr(v)) for k, v in value.items())
        return "{" + ", ".join(f"{k}: {v}" for k, v in items) + "}"
    if isinstance(value, list | tuple):
        inner = ", ".join(stable_repr(item) for item in value)
        return f"{type(value).__name__}[{inner}]"
    if isinstance(value, set | frozenset):
        return "set{" + ", ".join(sorted(stable_repr(item) for item in value)) + "}"
    if isinstance(value, types.FunctionType | types.BuiltinFunctionType | type):
        return f"<{value.__module__}.{value.__qualname__}>"
    if isinstance(value, types.MethodType):
        return (
            f"<method {stable_repr(value.__func__)} of {stable_repr(value.__self__)}>"
        )
    if isinstance(value, re.Pattern):
        return f"re({value.pattern!r}, {value.flags})"
    attributes = getattr(value, "__dict__", None)
    kind = type(value)
    if attributes is not None:
        return f"<{kind.__module__}.{kind.__qualname__} {stable_repr(attributes)}>"
    return _ADDRESS.sub("", repr(value))
