"""Developer tools: the Neo4j test-server launcher."""
