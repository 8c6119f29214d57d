"""The environment of the shipped templates: no sandbox, the same output.

The sandbox (``diamond.render.sandbox``) is there for templates someone else wrote:
those given with ``--templates DIR``, and every built-in template they include, run
in it with the render deadline and the size limits. Without ``--templates`` only the
shipped templates render, which are this program's own code, reviewed with it; what
they read (the questionnaire's text) is data, never compiled or run. So they render
in this plain Jinja environment, with everything that shapes the output the same as
the sandbox's: strict undefined variables, the autoescaping of HTML, the whitespace
options, the ``report_safe`` finalize on every output, the report filters. The
sandbox's per-lookup checks and deadline were about 60 % of a report's render time.

Attribute lookups on the context's plain dicts skip Jinja's ``getattr`` first try
(which raises and catches an ``AttributeError`` for every ``x.key``); the result is
the same: a ``dict`` method name still finds the method, any other name the item or
an undefined value.
"""

from __future__ import annotations

from typing import Any

import jinja2
import jinja2.runtime
from jinja2.environment import TemplateModule
from jinja2.nodes import EvalContext
from jinja2.runtime import LoopContext

from diamond.render.fast_filters import plain_filters
from diamond.render.output import (
    DICT_ATTRIBUTES,
    OutputCodeGenerator,
    OutputMixin,
    RecordingMacro,
    as_markup,
)

__all__ = ["TrustedEnvironment"]



class _Context(jinja2.runtime.Context):
    """Jinja's context, calling the shipped templates' macros without the checks a
    macro never needs (``Context.call`` looks up the callable's pass-argument marker,
    which for a ``Macro`` is always the eval context, drops the loop and block variables,
    and calls it with the caller's eval context first, whose autoescaping decides whether
    the result is ``Markup``: so is it here, also for a macro imported from a template
    of the other kind)."""

    def call(__self, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        if type(__obj) is not RecordingMacro:
            return super().call(__obj, *args, **kwargs)
        if kwargs:
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
        try:
            if (not kwargs and __obj._direct and len(args) == __obj._argument_count
                    and not (args and type(args[0]) is EvalContext)):
                # RecordingMacro.__call__'s direct call, in place (~420 calls a file)
                made = __obj._func(*args)
                if __self.eval_ctx.autoescape:  # the caller's, as Jinja's call passes it
                    made = as_markup(made)
                __obj._recorder.made = made
                return made
            return __obj(__self.eval_ctx, *args, **kwargs)
        except StopIteration:
            return __self.environment.undefined(
                "value was undefined because a callable raised a StopIteration exception")


class TrustedEnvironment(OutputMixin, jinja2.Environment):
    """A plain Jinja environment for the shipped templates (see the module); each output
    finalized and escaped in one call (``diamond.render.output``)."""

    code_generator_class = OutputCodeGenerator
    context_class = _Context
    inline_dict_lookups = True
    inline_outputs = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_async:
            self.filters.update(plain_filters(self.filters))

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``obj.attribute`` as Jinja's ``Environment.getattr`` finds it, faster on dicts
        and on the loop variables and imported macros (``loop.index``, ``m.band``)."""
        kind = type(obj)
        if kind is dict and attribute not in DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        if kind is LoopContext or kind is TemplateModule:
            try:
                return getattr(obj, attribute)
            except AttributeError:
                pass
        return super().getattr(obj, attribute)

