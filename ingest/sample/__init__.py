"""Synthetic B2B market: raw source exports plus ground truth, deterministic per seed.

``generate(out_dir, seed=7, scale=1.0)`` writes the files a customer's systems would
export for "our company" (Meridian MedTech & Industrial Supply, 明德医工, ``MKT-0001``),
a medical-equipment and industrial-supplies vendor selling to hospitals and
manufacturers in China, the US and Germany. The reference date is 2026-09-30; the
order window is 2023-10-01 .. 2026-09-30. Nothing reads the wall clock: the same seed
and scale give byte-identical files.

Source files
------------
crm/accounts.csv (UTF-8 with BOM)
    account_id (CRM-000123), name (English, Chinese or a short form), name_local
    (Chinese legal name, sometimes empty or in traditional characters), domain,
    industry, region, country (ISO alpha-2), city (English), employees,
    annual_revenue (in ``currency``), currency, tier (A/B/C), lifecycle
    (prospect/customer/churned; the CRM's view, lags reality), owner_rep_id,
    territory, phone (any of several national formats; "64370045" means the city's
    area code is implied), created_at (YYYY-MM-DD HH:MM:SS), parent_account_id.
    Some accounts are entered twice (a second, sparser record with another spelling).
crm/contacts.csv (BOM)
    contact_id (CON-…), account_id, name (pinyin in either order, English, or
    Chinese), name_local (Chinese), title (English or Chinese), department,
    seniority (c_level/vp/director/manager/staff), email (mixed case), phone
    (mobile or landline; parse with the account's country), reports_to_contact_id,
    created_at, left_at (empty if current). A person who changed employer appears
    as two contacts.
crm/reps.csv (BOM)
    rep_id (R-001), name, name_local, email, phone, territory, manager_rep_id.
crm/opportunities.csv (BOM)
    opportunity_id, account_id, name, product_id, stage (Prospecting, Qualification,
    Needs Analysis, Proposal/Price Quote, Negotiation/Review, Closed Won, Closed
    Lost), amount, currency, close_date (future for open deals), status
    (open/won/lost), probability, competitor_id (MKT-… or empty), owner_rep_id,
    created_at.
crm/opportunity_contacts.csv (BOM)
    opportunity_id, contact_id, role (economic_buyer, decision_maker,
    technical_evaluator, influencer, champion, user, gatekeeper, blocker), stance
    (supporter/neutral/opponent).
crm/activities.jsonl
    activity_id, kind (email/call/meeting/ticket), at (ISO 8601 with offset),
    account_id, contact_ids (list), rep_id, sentiment (-1..1), summary (en or zh),
    ticket_severity (tickets only: low/medium/high/critical).
crm/installed_base.csv (BOM)
    account_id, product_id (ours or a competitor's), since, contract_end (a month
    end; may be in the future), quantity.
crm/relationships.csv (BOM)
    from_contact_id (a contact or a rep id), to_contact_id, kind (KNOWS/INFLUENCES),
    strength (0..1), last_contact.
erp/customers.csv (GB18030, CRLF; not valid UTF-8)
    cust_code (C10023), cust_name (Chinese legal name for Chinese firms, sometimes
    with other brackets, traditional characters, no city prefix, or upper-case
    English; upper-case English for foreign firms), grade (1/2/3; mostly A=1, B=2,
    C=3 but the systems disagree now and then), city (Chinese, maybe with 市;
    English for foreign firms), tel (national formats; international for foreign
    firms), tax_no (unified social credit code with a valid check character, or
    empty), created (YYYY/MM/DD), payment_terms. A firm re-registered in the ERP has
    an old and a new code (older orders use the old one).
erp/order_lines.csv (GB18030, ASCII content, CRLF)
    order_id, line_no, cust_code (ERP key, not the CRM id), product_id, order_date,
    quantity, unit_price, amount (= quantity x unit_price), currency.
marketing/leads.xlsx (sheet "Leads")
    lead_id, company (as typed: short forms, lower case, full-width letters,
    Chinese), contact_name, title, email, phone, city (English or Chinese),
    source (trade show, webinar, web form ...), captured_at (date-time cell),
    interest.
catalog/products.jsonl
    product_id (P-… ours, CP-… competitors'), name, name_local, category, family,
    kind (equipment/consumable/service/software), price (list, CNY), currency,
    vendor (MKT-… company id), equivalent_of (for competitor products: our product).
market/companies.jsonl
    company_id (MKT-…), name, name_local, kind (self/competitor/supplier/partner),
    country, city, domain, is_self. A few suppliers are also CRM accounts.
market/relations.csv
    from_id, to_id (MKT-… or CRM-… ids), kind (SUPPLIES/COMPETES_WITH/SUBSIDIARY_OF/
    PARTNER_OF/REFERRED), since.
notes/notes.jsonl
    id (NOTE-…), kind (note/call_note/meeting_note), lang (en/zh), at, account_id
    (or empty for market notes), author_rep_id, text.
notes/emails/EML-*.eml
    RFC 822 messages (From/To/Date/Subject/Message-ID, text/plain UTF-8) between a
    rep and a contact; about 10 % of the documents.

Ground truth (ground_truth/)
----------------------------
duplicates.jsonl
    {"entity": company|person, "canonical_id", "records": [{"file", "key"}, …]} for
    every real entity with two or more source records. Canonical ids: the CRM
    account id, else the market id, else the ERP code; for people the CRM contact id,
    else the first lead id. Leads are keyed by lead_id (the company named in a lead
    row belongs to the company cluster; the person to the person cluster).
hard_negatives.jsonl
    pairs of distinct companies with confusingly similar names.
text_facts.jsonl
    one line per document: doc_id, file, lang, account_id, facts (relation
    WORKS_AT/DECISION_ROLE/REPORTS_TO/USES/EVALUATING/SUPPLIES/INTERESTED_IN/
    COMPETES_WITH; subject and object as {id, text, type} where text is the exact
    surface string in the document; properties such as title, role, stance,
    contract_end (ISO) and contract_end_text; in_records: whether the same fact is
    also in a structured file). Ids of people only known from text are TXT-P-….
corruptions.jsonl
    file, line (physical line; CSV header = 1, JSONL first record = 1, XLSX sheet
    row), field, reason (missing_required, bad_phone, bad_email, future_date,
    negative_amount, bad_number, unknown_reference, truncated_line; for truncated
    lines ``field`` is the column where the line was cut). Every other row is valid.
churn.csv
    account_id, churned (0/1), churn_date (2024-07 .. 2026-09), churn_style
    (gradual/silent/trickle), rough_patch (1 = healthy account that went through a
    rough patch). Churn is preceded by several noisy precursors (orders, basket size,
    sentiment, tickets and bursts of them, fewer conversations and fewer with the
    champion, a deal lost to a competitor, the champion leaving); rough patches and
    one-sided bad spells at any customer show the same signs and recover.
complements.csv
    product_a, product_b, kind (bundle = same order, sequence = b within 90 days
    after a), window_days, attach_probability (designed), support, intended_lift
    (measured on the generated orders; sequences on a sample of accounts).

Validity rules for clean rows: keys and names are non-empty; phones parse with the
``phonenumbers`` library for the record's country (adding the city's area code when it
is implied); past-tense dates (created*, order_date, captured_at, at, since,
left_at, last_contact) are on or before the reference date (close_date of open deals
and contract_end may be later); amounts and quantities are positive numbers; order
lines reference existing customer codes and products.

``scale`` multiplies accounts, people, leads, orders, activities and notes; competitors
and the catalogue stay fixed, suppliers and partners grow with the square root.
"""

from __future__ import annotations

from ._generate import Manifest, generate
from ._truth import read_churn

__all__ = ["Manifest", "generate", "read_churn"]
