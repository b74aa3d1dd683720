"""The documented shape of rapport.yaml, engagement.yaml and interactions.yaml.

Every field carries a description (its docstring), so ``rapport schema`` gives editors
autocompletion and hover help.
"""

from generator.schema.engagement import EngagementFile
from generator.schema.interactions import InteractionsFile
from generator.schema.narrative import NarrativeFrontMatter
from generator.schema.workspace import WorkspaceFile

__all__ = ["EngagementFile", "InteractionsFile", "NarrativeFrontMatter", "WorkspaceFile"]
