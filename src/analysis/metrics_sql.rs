//! `journeymap import MAP --emit-sql`: one SQL query that computes, where the data lives (a
//! warehouse or DuckDB), exactly the numbers [`super::metrics::Aggregator`] computes from a
//! file, so that a table too big for one machine can still be mapped. Its result is a long,
//! pre-aggregated table — columns `touchpoint`, `stage`, `period`, `metric`, `value` — which,
//! exported as CSV, imports like any other pre-aggregated table.
//!
//! The definitions are those of `super::metrics` (conversion over the whole file or, per month,
//! over that month; CSAT outside 1–5 and NPS outside 0–10 ignored; rows without a customer or a
//! touchpoint left out). Stages are ordered as on the map, the others by name (code points).

use crate::model::Role;

/// The SQL dialects `--emit-sql` speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// DuckDB (also what the tests run).
    DuckDb,
    /// PostgreSQL.
    Postgres,
    /// Google BigQuery (standard SQL).
    BigQuery,
}

impl Dialect {
    /// A quoted identifier.
    fn ident(self, name: &str) -> String {
        match self {
            Dialect::BigQuery => format!("`{}`", name.replace('`', "\\`")),
            Dialect::DuckDb | Dialect::Postgres => format!("\"{}\"", name.replace('"', "\"\"")),
        }
    }

    /// A table name: dotted parts (`schema.table`, `project.dataset.table`) quoted one by one.
    fn table(self, name: &str) -> String {
        match self {
            // BigQuery quotes the whole path at once.
            Dialect::BigQuery => self.ident(name),
            Dialect::DuckDb | Dialect::Postgres => name
                .split('.')
                .map(|part| self.ident(part))
                .collect::<Vec<_>>()
                .join("."),
        }
    }

    /// A string literal.
    fn literal(self, text: &str) -> String {
        match self {
            Dialect::BigQuery => format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'")),
            Dialect::DuckDb | Dialect::Postgres => format!("'{}'", text.replace('\'', "''")),
        }
    }

    fn text(self) -> &'static str {
        match self {
            Dialect::BigQuery => "STRING",
            Dialect::DuckDb | Dialect::Postgres => "VARCHAR",
        }
    }

    fn double(self) -> &'static str {
        match self {
            Dialect::BigQuery => "FLOAT64",
            Dialect::Postgres => "DOUBLE PRECISION",
            Dialect::DuckDb => "DOUBLE",
        }
    }

    /// `expr` cast to text, trimmed; empty text as NULL.
    fn text_of(self, expr: &str) -> String {
        format!("NULLIF(TRIM(CAST({expr} AS {})), '')", self.text())
    }

    /// `expr` as a number, NULL where it is not one.
    fn number_of(self, expr: &str) -> String {
        let text = self.text_of(expr);
        match self {
            Dialect::BigQuery => format!("SAFE_CAST(REPLACE({text}, ',', '.') AS FLOAT64)"),
            Dialect::DuckDb => format!("TRY_CAST(REPLACE({text}, ',', '.') AS DOUBLE)"),
            Dialect::Postgres => format!(
                "CASE WHEN REPLACE({text}, ',', '.') ~ '^[+-]?[0-9]+([.][0-9]*)?$' \
                 THEN CAST(REPLACE({text}, ',', '.') AS DOUBLE PRECISION) END"
            ),
        }
    }

    /// The calendar month (`2026-03`) of a timestamp column.
    fn month_of(self, expr: &str) -> String {
        match self {
            Dialect::DuckDb => format!("strftime(CAST({expr} AS TIMESTAMP), '%Y-%m')"),
            Dialect::Postgres => format!("to_char(CAST({expr} AS TIMESTAMP), 'YYYY-MM')"),
            Dialect::BigQuery => format!("FORMAT_TIMESTAMP('%Y-%m', CAST({expr} AS TIMESTAMP))"),
        }
    }

    /// Whether any of the booleans is true.
    fn any(self, expr: &str) -> String {
        match self {
            Dialect::BigQuery => format!("LOGICAL_OR({expr})"),
            Dialect::DuckDb | Dialect::Postgres => format!("BOOL_OR({expr})"),
        }
    }
}

/// The flag spellings that mean "converted" (the importer's, lower-cased).
const TRUE_FLAGS: [&str; 8] = ["1", "true", "t", "yes", "y", "có", "co", "x"];

/// The query for `table`, with `columns` naming the column of each role (customer and
/// touchpoint are required; the others may be missing) and `stage_order` the map's stage
/// names. `None` when customer or touchpoint has no column.
pub fn emit_sql(
    dialect: Dialect,
    table: &str,
    columns: &[(Role, String)],
    stage_order: &[&str],
) -> Option<String> {
    let d = dialect;
    let column = |role| {
        columns
            .iter()
            // An empty name is a role the user chose to read from no column.
            .find(|(r, c)| *r == role && !c.trim().is_empty())
            .map(|(_, c)| d.ident(c))
    };
    let customer = column(Role::Customer)?;
    let touchpoint = column(Role::Touchpoint)?;
    let null = "NULL".to_owned();
    let text = d.text();
    let stage =
        column(Role::Stage).map_or_else(|| format!("CAST(NULL AS {text})"), |c| d.text_of(&c));
    let period =
        column(Role::Timestamp).map_or_else(|| format!("CAST(NULL AS {text})"), |c| d.month_of(&c));
    let has_conversion = column(Role::Converted).is_some();
    let converted = column(Role::Converted).map_or_else(
        || "CAST(NULL AS BOOLEAN)".to_owned(),
        |c| {
            let flags: Vec<String> = TRUE_FLAGS.iter().map(|f| d.literal(f)).collect();
            format!("LOWER({}) IN ({})", d.text_of(&c), flags.join(", "))
        },
    );
    let ranged = |role, low: u8, high: u8| {
        column(role).map_or_else(
            || format!("CAST(NULL AS {})", d.double()),
            |c| {
                let n = d.number_of(&c);
                format!("CASE WHEN {n} BETWEEN {low} AND {high} THEN {n} END")
            },
        )
    };
    let csat = ranged(Role::Csat, 1, 5);
    let nps = ranged(Role::Nps, 0, 10);
    let order: Vec<String> = stage_order
        .iter()
        .enumerate()
        .map(|(i, name)| format!("({}, {i})", d.literal(&name.trim().to_lowercase())))
        .collect();
    let order_values = if order.is_empty() {
        format!("SELECT CAST(NULL AS {text}) AS name, 0 AS pos")
    } else {
        format!(
            "SELECT name, pos FROM (VALUES {}) AS o(name, pos)",
            order.join(", ")
        )
    };
    let any_converted = d.any("converted");
    let rate = |x: &str| {
        if has_conversion {
            format!("AVG(CASE WHEN {x} THEN 1.0 ELSE 0.0 END)")
        } else {
            null.clone()
        }
    };
    let conversion = rate("c.converted");
    let double = d.double();
    let table = d.table(table);
    Some(format!(
        "-- journeymap: per-touchpoint, per-stage and monthly metrics of {table}\n\
WITH ev AS (\n\
\x20\x20SELECT {cust} AS customer, {tp} AS touchpoint, {stage} AS stage, {period} AS period,\n\
\x20\x20\x20\x20\x20\x20\x20\x20\x20{converted} AS converted, {csat} AS csat, {nps} AS nps\n\
\x20\x20FROM {table}\n\
),\n\
rows_ AS (SELECT * FROM ev WHERE customer IS NOT NULL AND touchpoint IS NOT NULL),\n\
conv_file AS (SELECT customer, {any_converted} AS converted FROM rows_ GROUP BY customer),\n\
conv_month AS (\n\
\x20\x20SELECT period, customer, {any_converted} AS converted FROM rows_\n\
\x20\x20WHERE period IS NOT NULL GROUP BY period, customer\n\
),\n\
tp AS (\n\
\x20\x20SELECT touchpoint, CAST(NULL AS {text}) AS period, COUNT(*) AS events,\n\
\x20\x20\x20\x20\x20\x20\x20\x20\x20COUNT(DISTINCT customer) AS customers, AVG(csat) AS csat,\n\
\x20\x20\x20\x20\x20\x20\x20\x20\x20100.0 * (COUNT(CASE WHEN nps >= 9 THEN 1 END) - COUNT(CASE WHEN nps <= 6 THEN 1 END))\n\
\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20/ NULLIF(COUNT(nps), 0) AS nps\n\
\x20\x20FROM rows_ GROUP BY touchpoint\n\
\x20\x20UNION ALL\n\
\x20\x20SELECT touchpoint, period, COUNT(*), COUNT(DISTINCT customer), AVG(csat),\n\
\x20\x20\x20\x20\x20\x20\x20\x20\x20100.0 * (COUNT(CASE WHEN nps >= 9 THEN 1 END) - COUNT(CASE WHEN nps <= 6 THEN 1 END))\n\
\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20/ NULLIF(COUNT(nps), 0)\n\
\x20\x20FROM rows_ WHERE period IS NOT NULL GROUP BY touchpoint, period\n\
),\n\
tp_conv AS (\n\
\x20\x20SELECT t.touchpoint, CAST(NULL AS {text}) AS period, {conversion} AS conversion_rate\n\
\x20\x20FROM (SELECT DISTINCT touchpoint, customer FROM rows_) AS t\n\
\x20\x20JOIN conv_file AS c ON c.customer = t.customer GROUP BY t.touchpoint\n\
\x20\x20UNION ALL\n\
\x20\x20SELECT t.touchpoint, t.period, {conversion}\n\
\x20\x20FROM (SELECT DISTINCT touchpoint, period, customer FROM rows_ WHERE period IS NOT NULL) AS t\n\
\x20\x20JOIN conv_month AS c ON c.customer = t.customer AND c.period = t.period\n\
\x20\x20GROUP BY t.touchpoint, t.period\n\
),\n\
map_order AS ({order_values}),\n\
stage_names AS (\n\
\x20\x20SELECT s.stage, ROW_NUMBER() OVER (ORDER BY COALESCE(o.pos, 1000000), s.stage) AS k\n\
\x20\x20FROM (SELECT DISTINCT stage FROM rows_ WHERE stage IS NOT NULL) AS s\n\
\x20\x20LEFT JOIN map_order AS o ON o.name = LOWER(s.stage)\n\
),\n\
stage_customers AS (\n\
\x20\x20SELECT DISTINCT n.k, r.stage, CAST(NULL AS {text}) AS period, r.customer\n\
\x20\x20FROM rows_ AS r JOIN stage_names AS n ON n.stage = r.stage\n\
\x20\x20UNION ALL\n\
\x20\x20SELECT DISTINCT n.k, r.stage, r.period, r.customer\n\
\x20\x20FROM rows_ AS r JOIN stage_names AS n ON n.stage = r.stage WHERE r.period IS NOT NULL\n\
),\n\
st AS (\n\
\x20\x20SELECT a.stage, a.period, COUNT(DISTINCT a.customer) AS customers,\n\
\x20\x20\x20\x20\x20\x20\x20\x20\x20CASE WHEN MAX(n.k) IS NULL THEN NULL\n\
\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20ELSE CAST(COUNT(DISTINCT b.customer) AS {double}) / COUNT(DISTINCT a.customer) END\n\
\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20AS continuation\n\
\x20\x20FROM stage_customers AS a\n\
\x20\x20LEFT JOIN stage_names AS n ON n.k = a.k + 1\n\
\x20\x20LEFT JOIN stage_customers AS b\n\
\x20\x20\x20\x20ON b.k = a.k + 1 AND b.customer = a.customer\n\
\x20\x20\x20AND COALESCE(b.period, '') = COALESCE(a.period, '')\n\
\x20\x20GROUP BY a.stage, a.period\n\
)\n\
SELECT touchpoint, CAST(NULL AS {text}) AS stage, period, 'events' AS metric,\n\
\x20\x20\x20\x20\x20\x20\x20CAST(events AS {double}) AS value FROM tp\n\
UNION ALL SELECT touchpoint, NULL, period, 'customers', CAST(customers AS {double}) FROM tp\n\
UNION ALL SELECT touchpoint, NULL, period, 'csat', csat FROM tp WHERE csat IS NOT NULL\n\
UNION ALL SELECT touchpoint, NULL, period, 'nps', nps FROM tp WHERE nps IS NOT NULL\n\
UNION ALL SELECT touchpoint, NULL, period, 'conversion_rate', conversion_rate FROM tp_conv\n\
\x20\x20WHERE conversion_rate IS NOT NULL\n\
UNION ALL SELECT NULL, stage, period, 'customers', CAST(customers AS {double}) FROM st\n\
UNION ALL SELECT NULL, stage, period, 'continuation', continuation FROM st\n\
\x20\x20WHERE continuation IS NOT NULL\n\
ORDER BY 1, 2, 3, 4;\n",
        cust = d.text_of(&customer),
        tp = d.text_of(&touchpoint),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns() -> Vec<(Role, String)> {
        vec![
            (Role::Customer, "Mã khách hàng".to_owned()),
            (Role::Touchpoint, "touchpoint".to_owned()),
            (Role::Timestamp, "event_time".to_owned()),
        ]
    }

    #[test]
    fn without_a_customer_or_touchpoint_column_there_is_no_query() {
        let only_customer = vec![(Role::Customer, "id".to_owned())];
        assert!(emit_sql(Dialect::DuckDb, "events", &only_customer, &[]).is_none());
    }

    #[test]
    fn identifiers_and_literals_are_quoted_for_each_dialect() {
        let sql = emit_sql(
            Dialect::DuckDb,
            "crm.events",
            &columns(),
            &["Nhận biết", "O'Neil"],
        )
        .unwrap_or_default();
        assert!(sql.contains("\"Mã khách hàng\""), "{sql}");
        assert!(sql.contains("FROM \"crm\".\"events\""));
        assert!(sql.contains("'o''neil'"));
        let bq = emit_sql(Dialect::BigQuery, "proj.ds.events", &columns(), &[]).unwrap_or_default();
        assert!(bq.contains("`Mã khách hàng`") && bq.contains("FROM `proj.ds.events`"));
        assert!(bq.contains("FORMAT_TIMESTAMP") && bq.contains("LOGICAL_OR"));
        let pg = emit_sql(Dialect::Postgres, "events", &columns(), &[]).unwrap_or_default();
        assert!(pg.contains("to_char(") && pg.contains("BOOL_OR"));
    }

    #[test]
    fn without_a_conversion_column_no_rate_is_computed() {
        let sql = emit_sql(Dialect::DuckDb, "events", &columns(), &[]).unwrap_or_default();
        assert!(sql.contains("NULL AS conversion_rate"), "{sql}");
    }
}
