"""The lock file: every dependency pyproject.toml names is pinned, hashed and the same everywhere.

``make demo`` installs requirements/runtime.txt, ``make test`` requirements/test.txt and both
start from requirements/bootstrap.txt (the installer). A range changed in pyproject.toml without
``make lock`` would leave a fresh machine with a version nobody tested, or none at all.
"""

from __future__ import annotations

import re

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from workspace_helpers import REPO

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

REQUIREMENTS = REPO / "requirements"
PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def pins(name: str) -> dict[tuple[str, str], str]:
    """Return {(package, marker): version} of a lock file, checking that every pin is hashed."""
    found: dict[tuple[str, str], str] = {}
    lines = (REQUIREMENTS / name).read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        match = PIN.match(line)
        if match:
            package, pinned, marker = match.groups()
            hashed = number + 1 < len(lines) and lines[number + 1].strip().startswith("--hash=")
            assert hashed, f"requirements/{name}:{number + 1}: {package} has no hash"
            found[(canonicalize_name(package), (marker or "").strip())] = pinned
    assert found, f"requirements/{name} pins nothing"
    return found


def declared() -> list[tuple[str, Requirement]]:
    """Return (lock file, requirement) for every dependency pyproject.toml and tools.in name."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    tools = [
        line
        for line in (REQUIREMENTS / "tools.in").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    runtime = [*project["dependencies"], *tools]
    return [("runtime.txt", Requirement(r)) for r in runtime] + [
        ("test.txt", Requirement(r)) for r in [*runtime, *project["optional-dependencies"]["test"]]
    ]


def versions_for_every_python(locked: dict[tuple[str, str], str], package: str) -> list[str]:
    """Return the versions locked for ``package``, one per supported Python it is forked by."""
    found = []
    for minor in range(10, 15):
        environment = {"python_version": f"3.{minor}", "python_full_version": f"3.{minor}.5"}
        chosen = [
            v
            for (name, marker), v in locked.items()
            if name == package and (not marker or Marker(marker).evaluate(environment))
        ]
        assert len(chosen) == 1, f"{package} on Python 3.{minor}: {chosen or 'not locked'}"
        found.extend(chosen)
    return found


def out_of_range(locked: dict[tuple[str, str], str], requirement: Requirement) -> list[str]:
    """Return a line for each locked version of ``requirement``'s package outside its range."""
    versions = set(versions_for_every_python(locked, canonicalize_name(requirement.name)))
    return [
        f"{requirement.name} {pinned} is outside {requirement}"
        for pinned in sorted(versions)
        if not requirement.specifier.contains(pinned, prereleases=True)
    ]


@pytest.mark.parametrize(
    "lock, requirement", declared(), ids=lambda value: str(value).replace(" ", "")
)
def test_every_declared_dependency_is_locked_within_its_range(lock, requirement):
    assert out_of_range(pins(lock), requirement) == [], "run `make lock`"


def test_demo_and_tests_install_the_same_versions():
    runtime, test = pins("runtime.txt"), pins("test.txt")
    assert {key: runtime[key] for key in runtime} == {key: test[key] for key in runtime}


def test_the_installer_is_the_locked_one():
    (uv,) = pins("bootstrap.txt").items()
    assert pins("test.txt")[uv[0]] == uv[1]


def test_a_stale_pin_is_caught():
    locked = {key: "2.9.1" if key[0] == "babel" else v for key, v in pins("test.txt").items()}
    assert out_of_range(locked, Requirement("babel>=2.14,<3")) == [
        "babel 2.9.1 is outside babel<3,>=2.14"
    ]
