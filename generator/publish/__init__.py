"""Publish stage: rendered HTML to PDF files, safely and reproducibly.

``generator.publish.pdf.write_pdf`` is the entry point. Nothing here imports WeasyPrint at
import time; ``generator.publish.fetcher`` does, and is imported only while rendering.
"""
