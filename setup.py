"""Packages the library and ships the top-level templates/ folder as ``rapport_templates``."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["generator", "generator.*"]), "rapport_templates"],
    package_dir={"rapport_templates": "templates"},
    package_data={"generator": ["py.typed", "preview/static/*"], "rapport_templates": ["**/*"]},
    exclude_package_data={"rapport_templates": ["**/__pycache__/*", "**/*.pyc"]},
)
