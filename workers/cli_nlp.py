"""``hub nlp ...``: train, evaluate, record feedback, retrain the tagging model.

The group is attached to the main CLI by the lead as ``hub nlp``.  Paths are
options (defaults from the settings: ``HUB_VAR_DIR``/nlp/).
Heavy imports (spaCy) happen inside the commands so ``hub --help`` stays fast.
"""

from __future__ import annotations

import json
from pathlib import Path

import click



def _versions_dir(given: Path | None) -> Path:
    """The versions directory: the option, else the settings' (``HUB_VAR_DIR``/nlp/versions)."""
    from config import load_settings

    return given or load_settings().nlp_versions_dir()


def _feedback_file(given: Path | None) -> Path:
    """The feedback file: the option, else the settings' (``HUB_VAR_DIR``/nlp/feedback.jsonl)."""
    from config import load_settings

    return given or load_settings().nlp_feedback_file()

nlp_group = click.Group("nlp", help="Language detection, intent and complaint tagging.")


def _yes_no(value: str) -> bool:
    v = value.strip().lower()
    if v in ("yes", "y", "true", "1", "ja", "j"):
        return True
    if v in ("no", "n", "false", "0", "nein"):
        return False
    raise click.BadParameter("expected yes or no")


def _tagger(model: Path | None, versions: Path | None):
    from nlp.model_registry import ModelRegistry
    from nlp.tagging import load_tagger

    if model is not None:
        return load_tagger(model)
    return ModelRegistry(_versions_dir(versions)).tagger()


@nlp_group.command("train")
@click.option("--out", "out", type=click.Path(path_type=Path), default=None,
              help="Model directory to write (default: the package's nlp/models/default).")
@click.option("--data", "data", type=click.Path(exists=True, path_type=Path), multiple=True,
              help="Training JSONL file(s); default: the authored nlp/training_data/train.jsonl.")
@click.option("--iterations", type=int, default=None, help="Training epochs.")
def train_cmd(out: Path | None, data: tuple[Path, ...], iterations: int | None) -> None:
    """Train a model version directory from JSONL training data."""
    from nlp import training

    kwargs = {"n_iter": iterations} if iterations else {}
    target = out or training.DEFAULT_MODEL_DIR
    version = training.train(target, data or training.DEFAULT_TRAINING_FILES, **kwargs)
    click.echo(f"trained {version} -> {target}")


@nlp_group.command("eval")
@click.option("--data", "data", type=click.Path(exists=True, path_type=Path), required=True,
              help="JSONL with text, lang, crm_intent, complaint.")
@click.option("--model", type=click.Path(exists=True, path_type=Path), default=None,
              help="Model directory (default: current version, else the shipped model).")
@click.option("--versions", type=click.Path(path_type=Path), default=None)
@click.option("--limit", type=int, default=None, help="Only the first N rows.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def eval_cmd(data: Path, model: Path | None, versions: Path, limit: int | None, as_json: bool) -> None:
    """Precision/recall/F1 per label and language on a labelled JSONL file."""
    from nlp.evaluate import evaluate

    with data.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    if limit:
        rows = rows[:limit]
    result = evaluate(rows, _tagger(model, versions))
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
        return
    c, i = result["complaint"], result["intent"]
    click.echo(f"model {result['model_version']}  rows {result['n']}")
    click.echo(f"complaint  n={c['n']}  P={c['precision']:.3f} R={c['recall']:.3f} F1={c['f1']:.3f}")
    for lang, m in c["by_lang"].items():
        click.echo(f"  {lang}: n={m['n']}  P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f}")
    click.echo(f"intent     n={i['n']}  macro-F1={i['macro_f1']:.3f}  accuracy={i['accuracy']:.3f}")
    for label, m in i["per_label"].items():
        click.echo(f"  {label:22s} P={m['precision']:.3f} R={m['recall']:.3f} "
                   f"F1={m['f1']:.3f} support={m['support']}")
    for lang, m in i["by_lang"].items():
        click.echo(f"  [{lang}] macro-F1={m['macro_f1']:.3f} accuracy={m['accuracy']:.3f} n={m['n']}")


@nlp_group.command("feedback")
@click.option("--text", required=True)
@click.option("--intent", "intent", default=None, help="Correct CRM intent.")
@click.option("--complaint", "complaint", default=None, help="yes/no")
@click.option("--severity", type=click.Choice(["low", "medium", "high"]), default=None)
@click.option("--lang", default=None, help="de/en/other (default: detected).")
@click.option("--feedback-file", type=click.Path(path_type=Path), default=None)
def feedback_cmd(text: str, intent: str | None, complaint: str | None, severity: str | None,
                 lang: str | None, feedback_file: Path) -> None:
    """Record an agent's correction for the next retraining."""
    from nlp.training import append_feedback

    c = _yes_no(complaint) if complaint is not None else None
    try:
        row = append_feedback(_feedback_file(feedback_file), text, intent, c, severity, lang)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc
    click.echo(json.dumps(row, ensure_ascii=False))


@nlp_group.command("retrain")
@click.option("--versions", type=click.Path(path_type=Path), default=None)
@click.option("--feedback-file", type=click.Path(path_type=Path), default=None)
@click.option("--data", "data", type=click.Path(exists=True, path_type=Path), multiple=True)
@click.option("--iterations", type=int, default=None)
def retrain_cmd(versions: Path, feedback_file: Path, data: tuple[Path, ...], iterations: int | None) -> None:
    """Train a new version from training data + feedback and make it current."""
    from nlp import training

    kwargs = {"n_iter": iterations} if iterations else {}
    version = training.retrain(_versions_dir(versions), _feedback_file(feedback_file), data or training.DEFAULT_TRAINING_FILES, **kwargs)
    click.echo(f"current -> {version}")


@nlp_group.command("tag")
@click.argument("text")
@click.option("--model", type=click.Path(exists=True, path_type=Path), default=None)
@click.option("--versions", type=click.Path(path_type=Path), default=None)
def tag_cmd(text: str, model: Path | None, versions: Path) -> None:
    """Tag one text and print the result with reasons (for debugging)."""
    from dataclasses import asdict

    res = _tagger(model, versions).tag(text)
    click.echo(json.dumps(asdict(res), ensure_ascii=False, indent=2))


@nlp_group.command("clean")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def clean_cmd(file: Path) -> None:
    """Print the visible reply text of one raw mail (quotes and signature removed)."""
    from hub.parsing import parse_mail_with_repair
    from nlp.cleaning import clean_body

    parsed = parse_mail_with_repair(file.read_bytes())
    click.echo(clean_body(parsed.text, parsed.html).reply)


@nlp_group.command("analyse")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--model", type=click.Path(exists=True, path_type=Path), default=None)
@click.option("--versions", type=click.Path(path_type=Path), default=None)
def analyse_cmd(file: Path, model: Path | None, versions: Path | None) -> None:
    """Print JSON: language, cleaned text, identity signals, intent, complaint, reasons."""
    from dataclasses import asdict

    from config import load_settings
    from hub.parsing import parse_mail_with_repair
    from nlp.cleaning import clean_body
    from nlp.signals import SignalExtractor

    parsed = parse_mail_with_repair(file.read_bytes())
    cleaned = clean_body(parsed.text, parsed.html)
    result = _tagger(model, versions).tag(f"{parsed.subject}\n{cleaned.reply}")
    signals = SignalExtractor(default_region=load_settings().default_phone_region).extract(
        from_name=parsed.sender.name if parsed.sender else None,
        from_address=parsed.sender.address if parsed.sender else None,
        body=cleaned.reply,
        signature=cleaned.signature,
        lang=result.lang,
    )
    output = {
        "language": result.lang,
        "cleaned_text": cleaned.reply,
        "cleaning_reasons": list(cleaned.reasons),
        "signals": [asdict(signal) for signal in signals.items],
        "intent": {"label": result.intent, "score": round(result.intent_score, 4)},
        "complaint": {"value": result.complaint, "score": round(result.complaint_score, 4), "severity": result.severity},
        "reasons": {tag.name: tag.reason for tag in result.tags},
        "model_version": result.model_version,
    }
    click.echo(json.dumps(output, ensure_ascii=False, indent=2))
