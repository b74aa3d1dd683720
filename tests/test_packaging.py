"""The built wheel carries the command, the library and the templates, and works on its own."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile

import pytest
from workspace_helpers import REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        # The build backend is the locked setuptools of this environment: nothing is downloaded.
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index"]
        + ["--quiet", "-w", str(out), str(REPO)],
        check=True,
        capture_output=True,
    )
    (path,) = out.glob("rapport-*.whl")
    return path


def test_wheel_contains_cli_and_templates(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "cli.py" in names and "cli_options.py" in names
    assert "generator/validate/__init__.py" in names
    assert "generator/preview/static/preview.js" in names  # the preview's page
    assert any(n.startswith("rapport_templates/fonts/") and n.endswith(".ttf") for n in names)


def test_installed_wheel_runs_on_the_demo_workspace(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # Dependencies come from the test environment (a path entry, so its editable install of this
    # project is not activated); the project itself comes only from the wheel.
    with open(f"{site}/test_dependencies.pth", "w") as pth:
        pth.write(sysconfig.get_path("purelib") + "\n")
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    workspace = tmp_path / "demo"
    shutil.copytree(
        REPO,
        workspace,
        ignore=shutil.ignore_patterns(
            ".git",
            ".venv",
            "output",
            "generator",
            "cli.py",
            "cli_options.py",
            "tests",
            "__pycache__",
            ".rapport-cache",
        ),
    )

    def run(*args):
        command = [str(env_dir / "bin" / "rapport"), *args]
        return subprocess.run(command, cwd=workspace, capture_output=True, text=True)

    where = subprocess.run(
        [str(python), "-c", "import generator; print(generator.__file__)"],
        cwd=workspace,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.startswith(site)
    helped = run("--help")
    assert helped.returncode == 0 and "validate" in helped.stdout
    checked = run("validate")
    assert checked.returncode == 0, checked.stderr
    assert "rapport.yaml: ok" in checked.stdout
    # The wheel's own templates, fonts and catalogs render a document.
    shutil.rmtree(workspace / "templates")
    built = run("build", "northwind-logistics", "--only", "deck")
    assert built.returncode == 0, built.stderr
    assert (workspace / "output/northwind-logistics/northwind-logistics-deck-2026-q3.pdf").is_file()
