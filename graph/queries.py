"""Named read queries in portable Cypher, run with ``GraphStore.query(name, **params)``.

Callers name a query and pass parameters; they never write Cypher. An adapter may
override a text where its dialect needs another form (``GraphStore._adapter_query``).
"""

from __future__ import annotations

NAMED_QUERIES: dict[str, str] = {
    "companies_by_name": (
        "MATCH (c:Company) WHERE lower(c.name) CONTAINS lower($text) "
        "RETURN c.id AS id, c.name AS name, c.city AS city ORDER BY c.name, c.id LIMIT $limit"
    ),
    "company_contacts": (
        "MATCH (p:Person)-[w:WORKS_AT]->(c:Company {id: $id}) "
        "RETURN p.id AS id, p.name AS name, w.title AS title, w.current AS current "
        "ORDER BY p.name, p.id"
    ),
    "company_decision_roles": (
        "MATCH (p:Person)-[r:DECISION_ROLE]->(c:Company {id: $id}) "
        "RETURN p.id AS id, p.name AS name, r.role AS role, r.stance AS stance "
        "ORDER BY r.role, p.id"
    ),
    "company_purchases": (
        "MATCH (c:Company {id: $id})-[e:PURCHASED]->(p:Product) "
        "RETURN p.id AS product_id, p.name AS name, count(e) AS lines, sum(e.amount) AS amount "
        "ORDER BY amount DESC, product_id"
    ),
    "product_buyers": (
        "MATCH (c:Company)-[e:PURCHASED]->(p:Product {id: $id}) "
        "RETURN c.id AS company_id, count(e) AS lines ORDER BY lines DESC, company_id"
    ),
    "companies_in_territory": (
        "MATCH (c:Company) WHERE c.territory = $territory RETURN c.id AS id, c.name AS name ORDER BY c.id"
    ),
}
