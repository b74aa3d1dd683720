"""JSON Schema of each YAML file, for editors (yaml-language-server and the like)."""

from __future__ import annotations

import json

from generator.schema import EngagementFile, InteractionsFile, NarrativeFrontMatter, WorkspaceFile

MODELS = {
    "engagement": EngagementFile,
    "interactions": InteractionsFile,
    "workspace": WorkspaceFile,
    "narrative": NarrativeFrontMatter,
}


def json_schema(name: str) -> str:
    schema = MODELS[name].model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False)
