"""Find the report templates and render them in a sandbox, turning failures into ``TemplateError``.

The built-in templates are the package data ``diamond/templates/`` of a wheel
(``pyproject.toml`` force-includes the repository's top-level ``templates/``
there); in an editable or source checkout they are read from that top-level
folder. A user's ``--templates DIR`` comes first: any template file it holds
overrides the built-in one of the same name, the rest fall back.

With a user's folder, every template (the user's and the built-in ones they
include) runs in Jinja's immutable sandbox with strict undefined variables, a
time limit and size limits (``diamond.render.sandbox``).
The context they get holds only plain dicts, lists, strings and numbers (see
``diamond.render.context``), so a template someone else wrote can read the
report's data but cannot reach Python objects, modules or files. Without one,
only the shipped templates render, in a plain environment with the same options
and filters, from their precompiled modules (``diamond.render.trusted``,
``diamond.render.precompiled``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import traceback
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2 import (
    BaseLoader,
    BytecodeCache,
    ChoiceLoader,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
)
from jinja2.bccache import Bucket
from jinja2.loaders import split_template_path

from diamond import __version__
from diamond.errors import InputError, TemplateError
from diamond.i18n import _
from diamond.io.read import read_regular
from diamond.numbertext import grouped
from diamond.render.filters import report_safe
from diamond.render.precompiled import PrecompiledLoader
from diamond.render.trusted import TrustedEnvironment

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["builtin_templates", "environment_options", "make_environment", "read_builtin",
           "render_template", "stream_template", "template_error"]

#: Template names that are autoescaped (HTML and SVG); everything else (Markdown) is not.
AUTOESCAPED = (".html.j2", ".htm.j2", ".svg.j2", ".xml.j2", ".html", ".svg")
_SOURCE_CHECKOUT = Path(__file__).resolve().parents[3] / "templates"
#: Where a wheel puts them: ``diamond/templates`` (the package data).
_PACKAGED = Path(__file__).resolve().parents[1] / "templates"


def builtin_templates() -> Traversable:
    """The built-in templates folder: the package data, else the source checkout's."""
    if _PACKAGED.is_dir():  # an installed wheel (importlib.resources costs about 5 ms)
        return _PACKAGED
    if not _SOURCE_CHECKOUT.is_dir():  # pragma: no cover - a package not on the file system
        from importlib import resources

        try:
            packaged = resources.files("diamond") / "templates"
            if packaged.is_dir():
                return packaged
        except (ModuleNotFoundError, OSError):
            pass
    return _SOURCE_CHECKOUT


def _autoescape(name: str | None) -> bool:
    return name is not None and name.lower().endswith(AUTOESCAPED)


class _Loader(ChoiceLoader):
    """A ``ChoiceLoader`` that remembers which file each template came from, for messages."""

    def __init__(self, loaders: list[BaseLoader], user_dir: Path | None) -> None:
        super().__init__(loaders)
        self.user_dir = user_dir
        self.files: dict[str, str] = {}

    def load(
        self,
        environment: jinja2.Environment,
        name: str,
        globals: MutableMapping[str, Any] | None = None,
    ) -> jinja2.Template:
        template = super().load(environment, name, globals)
        if template.filename is not None:
            self.files[template.filename] = self.display(name, template.filename)
        return template

    def display(self, name: str, filename: str) -> str:
        """How a message names a template: the user's file by path, a built-in one by name."""
        if self.user_dir is not None:
            try:
                Path(filename).relative_to(self.user_dir)
                return filename
            except ValueError:
                pass
        return name


#: The largest template file read from ``--templates``.
MAX_TEMPLATE_BYTES = 1024 * 1024


class _UserLoader(FileSystemLoader):
    """A user's templates folder: regular files only, at most ``MAX_TEMPLATE_BYTES`` each."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for folder in self.searchpath:
            filename = os.path.normpath(os.path.join(folder, *pieces))
            if os.path.lexists(filename):
                break
        else:
            raise jinja2.TemplateNotFound(template)
        try:
            data = read_regular(filename, MAX_TEMPLATE_BYTES)
        except InputError as error:
            raise TemplateError(str(error)) from None
        if len(data) > MAX_TEMPLATE_BYTES:
            raise TemplateError(_("{path}: larger than {limit} bytes").format(
                path=filename, limit=grouped(MAX_TEMPLATE_BYTES)))
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise TemplateError(_("{path}: not UTF-8 text; save it as UTF-8").format(
                path=filename)) from None
        mtime = os.path.getmtime(filename)
        return text, filename, lambda: os.path.getmtime(filename) == mtime


def _builtin_loader() -> BaseLoader:
    folder = builtin_templates()
    if isinstance(folder, Path):
        return FileSystemLoader(str(folder), encoding="utf-8")
    return PackageLoader("diamond", "templates", encoding="utf-8")  # pragma: no cover - zipped


def read_builtin(name: str) -> bytes:
    """The source of built-in template ``name``, as bytes."""
    folder = builtin_templates()
    return (folder.joinpath(*split_template_path(name))).read_bytes()


class _QuietBytecodeCache(FileSystemBytecodeCache):
    """Compiled templates kept between runs; a cache that cannot be written is skipped.

    Compiling the report templates is most of a report's rendering time. Jinja
    keys each entry by template name and file and checks it against a hash of
    the source, so an edited or overriding template is recompiled, never stale.
    """

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _bytecode_cache(kind: str) -> BytecodeCache | None:
    """``$XDG_CACHE_HOME/diamond/jinja-*-KIND`` (or ``~/.cache``); none if it cannot be made.

    ``kind`` names the environment (``sandbox`` or ``trusted``): the sandbox compiles
    operators differently, so the two never share compiled code.
    ``DIAMOND_NO_TEMPLATE_CACHE`` (any value) turns the cache off.
    """
    if os.environ.get("DIAMOND_NO_TEMPLATE_CACHE"):
        return None
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    # The environment's options (autoescaping, whitespace) shape the compiled code, so the
    # folder is named by the diamond and Jinja versions and by this module's own source.
    options = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
    folder = os.path.join(
        root, "diamond", f"jinja-{__version__}-{jinja2.__version__}-{options}-{kind}")
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError:
        return None
    return _QuietBytecodeCache(folder)


def environment_options() -> dict[str, Any]:
    """What every report environment is made with, sandboxed or not: whatever shapes the
    output (the precompiled modules are generated with exactly these)."""
    return {
        "undefined": StrictUndefined,
        "autoescape": _autoescape,
        "keep_trailing_newline": True,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "auto_reload": False,
        "finalize": report_safe,
    }


def _finish(env: jinja2.Environment, filters: Mapping[str, Callable[..., Any]] | None) -> None:
    for unused in ("lipsum", "cycler", "joiner"):  # nothing a report needs
        env.globals.pop(unused, None)
    if filters:
        env.filters.update(filters)


def make_environment(
    templates_dir: Path | None = None,
    filters: Mapping[str, Callable[..., Any]] | None = None,
    *,
    deadline_scale: float = 1.0,
) -> jinja2.Environment:
    """A Jinja environment over ``templates_dir`` (if given) then the built-ins.

    With ``templates_dir``, a ``BoundedSandbox``: the user's templates, and the
    built-in ones they include, are someone else's code. Without it, a
    ``TrustedEnvironment`` over the shipped templates, loaded from their
    precompiled modules. ``deadline_scale`` multiplies the sandbox's render deadline
    for a page that is expected to be long. Raises ``TemplateError`` when
    ``templates_dir`` is not a folder.
    """
    if templates_dir is None:
        trusted = TrustedEnvironment(
            loader=_Loader([PrecompiledLoader(_builtin_loader(), read_builtin)], None),
            bytecode_cache=_bytecode_cache("trusted"),
            **environment_options(),
        )
        _finish(trusted, filters)
        return trusted
    if not templates_dir.is_dir():
        raise TemplateError(_("templates folder {path} not found or not a folder").format(
            path=templates_dir))
    from diamond.render.sandbox import BoundedSandbox  # only a user's templates need it

    loaders: list[BaseLoader] = [_UserLoader(str(templates_dir), encoding="utf-8"),
                                 _builtin_loader()]
    env = BoundedSandbox(
        deadline_scale=deadline_scale,
        loader=_Loader(loaders, templates_dir),
        bytecode_cache=_bytecode_cache("sandbox"),
        **environment_options(),
    )
    _finish(env, filters)
    return env


def _where(env: jinja2.Environment, error: BaseException) -> tuple[str | None, int | None]:
    """The innermost template file and line in ``error``'s traceback."""
    loader = env.loader
    files = loader.files if isinstance(loader, _Loader) else {}
    found: tuple[str | None, int | None] = (None, None)
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename in files:
            found = (files[frame.filename], frame.lineno)
    return found


def template_error(env: jinja2.Environment, name: str, error: BaseException) -> TemplateError:
    """``error`` from rendering template ``name`` as a ``TemplateError``: "file, line N: what"."""
    where, line = _where(env, error)
    message = str(error) or type(error).__name__
    if isinstance(error, jinja2.TemplateSyntaxError):
        if error.filename is not None and isinstance(env.loader, _Loader):
            where = env.loader.display(error.name or name, error.filename)
        else:
            where = error.name or name
        line = error.lineno
        message = error.message or message
    elif isinstance(error, jinja2.TemplateNotFound):
        missing = ", ".join(getattr(error, "templates", ()) or [error.name or message])
        message = _("template {name} not found").format(name=missing)
    elif not isinstance(error, jinja2.TemplateError):
        message = f"{type(error).__name__}: {message}"
    where = where or name
    located = (_("{file}, line {line}").format(file=where, line=line) if line is not None
               else where)
    return TemplateError(f"{located}: {message}")


def render_template(env: jinja2.Environment, name: str, context: Mapping[str, Any]) -> str:
    """Render template ``name`` with ``context``; any failure raises ``TemplateError``."""
    if isinstance(env, TrustedEnvironment):  # unbounded: Jinja's render, the same pieces
        try:
            return env.get_template(name).render(context)
        except TemplateError:
            raise
        except Exception as error:
            raise _render_error(env, name, error) from error
    return "".join(stream_template(env, name, context))


def stream_template(
    env: jinja2.Environment, name: str, context: Mapping[str, Any]
) -> Iterator[str]:
    """Template ``name`` rendered with ``context``, in the pieces Jinja makes them.

    Joined, the same text as ``render_template`` (Jinja's ``render`` joins the very
    pieces ``generate`` yields), under the same sandbox bounds: the deadline starts at
    the first piece asked for, and a page over ``MAX_OUTPUT`` characters stops there.
    Nothing is rendered until the first piece is asked for; any failure raises
    ``TemplateError`` then or later, so a page streamed to disk is never whole in memory.
    """
    try:
        template = env.get_template(name)
        pieces = template.generate(context)
        if not isinstance(env, TrustedEnvironment):
            from diamond.render.sandbox import BoundedSandbox, bounded

            if isinstance(env, BoundedSandbox):
                env.start_clock()
                pieces = bounded(env, pieces)
        yield from pieces
    except TemplateError:
        raise
    except Exception as error:
        raise _render_error(env, name, error) from error


def _render_error(env: jinja2.Environment, name: str, error: Exception) -> TemplateError:
    if isinstance(error, RecursionError):
        return TemplateError(_("{name}: templates include or call each other endlessly").format(
            name=name))
    return template_error(env, name, error)
