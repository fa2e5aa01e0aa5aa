"""entitymatch: screen names against sanctions and export-control lists.

>>> import entitymatch as em
>>> em.compare("HIKVISION", "Hangzhou Hikvision Digital Technology Co., Ltd.").is_match
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from entitymatch.errors import EntityMatchError
from entitymatch.records import Entity, Kind, Match

if TYPE_CHECKING:
    from entitymatch.lists import load_list
    from entitymatch.matcher import Matcher
    from entitymatch.prepare.aliases import AliasRow, AliasTable
    from entitymatch.score import DEFAULT_THRESHOLD, Comparison, compare

__all__ = [
    "DEFAULT_THRESHOLD",
    "AliasRow",
    "AliasTable",
    "Comparison",
    "Entity",
    "EntityMatchError",
    "Kind",
    "Match",
    "Matcher",
    "__version__",
    "compare",
    "load_list",
]

# Heavy modules (tables, numpy) load on first use, not on `import entitymatch`.
_LAZY = {
    "AliasRow": "entitymatch.prepare.aliases",
    "AliasTable": "entitymatch.prepare.aliases",
    "Comparison": "entitymatch.score",
    "DEFAULT_THRESHOLD": "entitymatch.score",
    "Matcher": "entitymatch.matcher",
    "compare": "entitymatch.score",
    "load_list": "entitymatch.lists",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from entitymatch._version import __version__

        return __version__
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'entitymatch' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
