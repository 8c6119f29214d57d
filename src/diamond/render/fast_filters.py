"""Jinja's built-in filters as the shipped templates call them, with fewer calls.

The trusted environment (``diamond.render.trusted``) renders only the shipped
templates; each of their ~110 ``map``, ``min`` and ``max`` filters (and ~100 ``join``)
a cluster's reports goes through layers of Jinja's generic code (an async check, an
attribute getter made and its path parsed on every call, a filter looked up by name for
every item, each item tested for ``__html__``). The functions here do the common cases
in place, giving the same values, and hand every other case to Jinja's own function
unchanged.
"""

from __future__ import annotations

import operator
from collections.abc import Iterator
from typing import Any

from jinja2 import pass_context, pass_environment, pass_eval_context
from jinja2.filters import do_max, do_min, sync_do_join, sync_do_map, sync_do_selectattr
from jinja2.nodes import EvalContext
from jinja2.runtime import Context
from jinja2.utils import _PassArg

__all__ = ["join_filter", "map_filter", "max_filter", "min_filter", "plain_filters",
           "selectattr_filter", "sync_filters"]


def sync_filters(filters: dict[str, Any]) -> dict[str, Any]:
    """Jinja's built-in filters that have an async form (``map``, ``join``, ``select``…)
    as their plain functions: each is a wrapper that asks the environment whether it is
    async on every call, then calls the plain one (the wrapper's ``__wrapped__``). Only
    those taking the same first argument (context, eval context, environment) as the
    wrapper, so compiled templates call them the same way."""
    found = {}
    for name, function in filters.items():
        plain = getattr(function, "__wrapped__", None)
        if (getattr(function, "jinja_async_variant", False) and plain is not None
                and _PassArg.from_obj(plain) is _PassArg.from_obj(function)):
            found[name] = plain
    return found


@pass_context
def map_filter(context: Context, value: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
    """Jinja's ``map`` (``sync_do_map``): ``map(attribute="name")`` with a plain name
    (no dots, not a number) looks each item up with the environment's ``getitem`` (a
    dict's key in place), and ``map("filter")`` of a filter taking no context calls it
    on each item, as Jinja's ``call_filter`` would; anything else is Jinja's own."""
    environment = context.environment
    if not args and len(kwargs) == 1:
        attribute = kwargs.get("attribute")
        if type(attribute) is str and "." not in attribute and not attribute.isdigit():
            if value:
                getitem = environment.getitem
                for item in value:
                    yield (item[attribute] if type(item) is dict and attribute in item
                           else getitem(item, attribute))
            return
    elif len(args) == 1 and not kwargs and type(args[0]) is str:
        function = environment.filters.get(args[0])
        if function is not None and _PassArg.from_obj(function) is None:
            if value:
                for item in value:
                    yield function(item)
            return
    yield from sync_do_map(context, value, *args, **kwargs)


@pass_context
def selectattr_filter(context: Context, value: Any, *args: Any, **kwargs: Any
                      ) -> Iterator[Any]:
    """Jinja's ``selectattr`` (``sync_do_selectattr``): ``selectattr("name", "equalto", x)``
    with a plain name (no dots, not a number), the environment's ``equalto`` being Jinja's
    (``operator.eq``), looks each item's value up with the environment's ``getitem`` (a
    dict's key in place) and keeps the items whose value equals ``x``, as Jinja's
    attribute getter and ``call_test`` would; anything else is Jinja's own."""
    if not kwargs and len(args) == 3:
        attribute, test, other = args
        if (type(attribute) is str and "." not in attribute and not attribute.isdigit()
                and type(test) is str and test == "equalto"):
            environment = context.environment
            if environment.tests.get("equalto") is operator.eq:
                if value:
                    getitem = environment.getitem
                    for item in value:
                        found = (item[attribute] if type(item) is dict and attribute in item
                                 else getitem(item, attribute))
                        if found == other:
                            yield item
                return
    yield from sync_do_selectattr(context, value, *args, **kwargs)


@pass_eval_context
def join_filter(eval_ctx: EvalContext, value: Any, d: Any = "", attribute: Any = None) -> Any:
    """Jinja's ``join`` (``sync_do_join``): with a plain string between and no attribute,
    in HTML, items that are all plain strings are joined as they are (Jinja tests each for
    ``__html__``, which a plain string lacks, and finds none to escape), and in Markdown
    ``str`` of each is joined; anything else is Jinja's own, given the items read."""
    if attribute is None and type(d) is str:
        if not eval_ctx.autoescape:
            return d.join(map(str, value))
        items = value if type(value) is list else list(value)
        for item in items:
            if type(item) is not str:
                return sync_do_join(eval_ctx, items, d)
        return d.join(items)
    return sync_do_join(eval_ctx, value, d, attribute)


def _numbers(value: Any) -> bool:
    """A non-empty list of ints and floats (which ``min``/``max`` compare as they are)."""
    if type(value) is not list or not value:
        return False
    for item in value:
        kind = type(item)
        if kind is not int and kind is not float:
            return False
    return True


@pass_environment
def min_filter(environment: Any, value: Any, case_sensitive: bool = False,
               attribute: Any = None) -> Any:
    """Jinja's ``min``; of a list of numbers with no attribute, ``min`` of it (Jinja's key
    leaves numbers as they are, and the first smallest is kept either way)."""
    if attribute is None and _numbers(value):
        return min(value)
    return do_min(environment, value, case_sensitive, attribute)


@pass_environment
def max_filter(environment: Any, value: Any, case_sensitive: bool = False,
               attribute: Any = None) -> Any:
    """Jinja's ``max``; of a list of numbers with no attribute, ``max`` of it."""
    if attribute is None and _numbers(value):
        return max(value)
    return do_max(environment, value, case_sensitive, attribute)


def plain_filters(filters: dict[str, Any]) -> dict[str, Any]:
    """The replacements for an environment's built-in ``filters`` (see the module)."""
    found = sync_filters(filters)
    found.update(map=map_filter, min=min_filter, max=max_filter, join=join_filter,
                 selectattr=selectattr_filter)
    return found
