"""The questionnaire's text with imported respondents listed in it, checked before it is
written: spliced into the user's file, read back as ``validate`` reads it, and compared
with what was meant to change."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from diamond.errors import Diagnostic, InvalidFileError
from diamond.frameworks import Catalogue
from diamond.i18n import _
from diamond.loader import LoadOptions, load_data, load_text, require_valid
from diamond.models.questionnaire import Respondent
from diamond.safetext import visible
from diamond.survey.readback import read_back
from diamond.survey.rows import Imported
from diamond.survey.splice import SpliceError, splice_regions
from diamond.survey.target import Target


def respondent(imported: Imported) -> Respondent:
    """An imported row as the questionnaire's respondent (weight 1 where none was given)."""
    return Respondent(
        id=imported.id,
        group=imported.group,
        weight=1.0 if imported.weight is None else imported.weight,
        answers=dict(imported.answers),
    )


class TooLarge(Exception):
    """The questionnaire with its respondents listed would be over the size limit."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def spliced(
    base: Target,
    target: str,
    csv_path: str,
    added: Sequence[Imported],
    replaced: list[Imported],
    *,
    created: bool,
    catalogue: Catalogue,
    load: LoadOptions,
) -> tuple[str, int]:
    """The questionnaire's new text with ``added`` and ``replaced`` respondents listed in it,
    read back as ``validate`` reads it and checked to change nothing else; and the number
    of warnings that reading gives. ``TooLarge`` if it would pass the size limit."""
    order = list(catalogue.indicators)
    try:
        text, regions = splice_regions(
            base.text,
            append=added,
            replace={r.id: r for r in replaced},
            order=order,
            remove_all=created,
            comment=f"imported from {visible(Path(csv_path).name)}",
        )
    except (SpliceError, ValueError) as exc:
        raise InvalidFileError(
            target,
            [
                Diagnostic(
                    target,
                    1,
                    1,
                    "error",
                    "import-layout",
                    _("cannot add respondents: {reason}").format(reason=exc),
                    _("write 'respondents:' as a plain list in the file, then import again"),
                )
            ],
        ) from None
    size = len(text.encode("utf-8"))
    if size > load.limits.max_bytes:
        raise TooLarge(size)
    label = f"{target} (after import)"
    folder = Path(target).parent
    data = None
    if not created:
        data = read_back(
            text, regions, base.data, label, load.limits, replaced=bool(replaced)
        )
    if data is None:
        loaded = load_text(text, label, folder, load)
    else:
        loaded = load_data(text, data, label, folder, load)
    questionnaire, _catalogue = require_valid(loaded)
    by_id = {r.id: respondent(r) for r in replaced}
    kept = [] if created else base.questionnaire.respondents
    expected = [by_id.get(r.id, r) for r in kept] + [respondent(r) for r in added]
    unchanged = questionnaire.model_copy(update={"respondents": []}) == (
        base.questionnaire.model_copy(update={"respondents": []})
    )
    if questionnaire.respondents != expected or not unchanged:
        raise InvalidFileError(
            label,
            [
                Diagnostic(
                    label,
                    1,
                    1,
                    "error",
                    "import-check",
                    _("the edited file does not read back as expected; nothing was written"),
                    _("please report this with the questionnaire's layout"),
                )
            ],
        )
    return text, len(loaded.warnings)
