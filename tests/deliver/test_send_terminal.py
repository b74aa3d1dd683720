"""What `rapport send` shows before it sends: one line per value, whatever the inputs hold."""

from __future__ import annotations

from deliver_helpers import CLIENT


def test_a_line_break_in_a_name_cannot_fake_a_line_of_the_summary(workspace, rapport):
    path = workspace / "engagements" / CLIENT / "engagement.yaml"
    text = path.read_text(encoding="utf-8")
    forged = '"Dana Kessler\\r\\nBcc: everyone@rival.example\\u001b[8m"'
    path.write_text(text.replace("name: Dana Kessler", f"name: {forged}", 1), encoding="utf-8")
    assert rapport("build", CLIENT, workspace=workspace).exit_code == 0
    result = rapport("send", CLIENT, "--dry-run", workspace=workspace)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert not [line for line in lines if line.lstrip().startswith("Bcc:")]
    assert "\x1b" not in result.output
    shown = [line for line in lines if "Dana Kessler" in line]
    assert shown == [
        "To:       Dana Kessler\\r\\nBcc: everyone@rival.example\\x1b[8m "
        "<dana.kessler@northwind-logistics.example>"
    ]
