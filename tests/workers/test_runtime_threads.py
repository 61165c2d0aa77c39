"""The process runtime is built once even when threads of a web worker ask for it together."""

from __future__ import annotations

import threading

from workers import runtime as runtime_module


def test_concurrent_first_calls_build_one_runtime(settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(runtime_module, "_RUNTIME", None)
    built: list[object] = []
    real_build = runtime_module.build_runtime
    start = threading.Barrier(8)

    def counting_build(config):  # type: ignore[no-untyped-def]
        built.append(config)
        return real_build(config)

    monkeypatch.setattr(runtime_module, "build_runtime", counting_build)
    results: list[object] = []
    errors: list[BaseException] = []

    def ask() -> None:
        start.wait()
        try:
            results.append(runtime_module.get_runtime(settings))
        except BaseException as error:  # noqa: BLE001
            errors.append(error)

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(built) == 1 and len({id(r) for r in results}) == 1
    runtime_module._RUNTIME.engine.dispose()  # type: ignore[union-attr]
