-- Indexes for the dashboards' account search (GET /api/accounts?search=).

-- The search is a case-insensitive substring match (lower(column) LIKE '%term%'), which a B-tree
-- cannot serve: a leading wildcard defeats it. Trigram GIN indexes can, for terms of three
-- characters or more (shorter terms have no trigram to look up and the planner scans instead).
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension since PostgreSQL 13: the
-- database owner may create it without being a superuser. It goes into this side's schema so that
-- the query side owns it like its tables. Queries need nothing of it by name (LIKE is built in and
-- the planner finds the indexes by itself), so the application's search_path need not include it.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA query_side;

-- One per column, each on the exact expression the search uses; PostgreSQL combines them for the
-- OR of the three columns (BitmapOr).
CREATE INDEX account_view_first_name_trgm ON query_side.account_view USING gin (lower(first_name) gin_trgm_ops);
CREATE INDEX account_view_last_name_trgm ON query_side.account_view USING gin (lower(last_name) gin_trgm_ops);
CREATE INDEX account_view_email_trgm ON query_side.account_view USING gin (lower(email) gin_trgm_ops);

-- The listing's order (last name, first name, id: unique, so pages never overlap or skip): the
-- first pages of the unfiltered list read the index instead of sorting the whole table.
CREATE INDEX account_view_listing_order ON query_side.account_view (last_name, first_name, account_id);
