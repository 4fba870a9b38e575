-- The tables the PostgreSQL examples write to. Run once in the database of your Postgres
-- credential, e.g.  psql "postgresql://USER@HOST/DATABASE" -f examples/postgres/raydocs-tables.sql
-- The end-to-end suite runs this very file before it runs the examples.

-- extract-invoice-to-postgres.json: one row per invoice file.
create table if not exists raydocs_invoices (
	result_id uuid primary key,
	invoice_number text,
	invoice_date date,
	total_amount numeric(14, 2),
	currency text,
	vendor_name text,
	source_file text not null,
	extracted_at timestamptz not null default now()
);

-- trigger-extraction-to-postgres.json: one row per completed extraction run. The primary key makes
-- a second delivery of the same run fail loudly instead of adding a duplicate row.
create table if not exists raydocs_extractions (
	result_id uuid primary key,
	session_id uuid not null,
	status text not null,
	invoice_number text,
	total_amount numeric(14, 2),
	currency text,
	vendor_name text,
	received_at timestamptz not null default now()
);
