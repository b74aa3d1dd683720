"""Load stage: read files from the workspace into plain values that keep their origin."""
