"""Ingestion: connectors, mapping, normalisation, resolution, text extraction, provenance."""
