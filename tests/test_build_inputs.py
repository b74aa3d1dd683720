"""The fingerprint of a build's inputs: every change seen, shared folders hashed once."""

from __future__ import annotations

import os

from workspace_helpers import copy_demo

from generator.build_inputs import input_digests, quick_settings

CLIENT = "northwind-logistics"


def test_a_memo_shared_by_clients_gives_the_digests_each_would_get_alone(tmp_path):
    root = copy_demo(tmp_path / "ws", (CLIENT, "baltic-home"))
    memo: dict = {}
    shared = [input_digests(root, slug, memo) for slug in (CLIENT, "baltic-home")]
    assert shared == [input_digests(root, CLIENT), input_digests(root, "baltic-home")]
    assert any(label.startswith("generator:") for label in shared[0])
    assert "engagement:engagement.yaml" in shared[1]


def test_a_pipe_a_link_and_a_changed_byte_each_change_the_digest(tmp_path):
    root = copy_demo(tmp_path / "ws")
    folder = root / "engagements" / CLIENT
    before = input_digests(root, CLIENT)

    os.mkfifo(folder / "data" / "feed.csv")  # never opened: it would block the build
    piped = input_digests(root, CLIENT)
    assert piped["engagement:data/feed.csv"].startswith("not read:")

    log = folder / "interactions.yaml"
    elsewhere = tmp_path / "interactions.yaml"
    elsewhere.write_bytes(log.read_bytes())
    log.unlink()
    log.symlink_to(elsewhere)
    linked = input_digests(root, CLIENT)
    assert linked["engagement:interactions.yaml"] != before["engagement:interactions.yaml"]

    log.unlink()
    log.write_bytes(elsewhere.read_bytes().replace(b"mood: 2", b"mood: 3", 1))
    assert (
        input_digests(root, CLIENT)["engagement:interactions.yaml"]
        != (before["engagement:interactions.yaml"])
    )


def test_settings_read_again_when_rapport_yaml_changes(tmp_path):
    root = copy_demo(tmp_path / "ws")
    assert quick_settings(root)["defaults"]["output_dir"] == "output"
    settings = root / "rapport.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("output_dir: output", "output_dir: elsewhere"))
    assert quick_settings(root)["defaults"]["output_dir"] == "elsewhere"
