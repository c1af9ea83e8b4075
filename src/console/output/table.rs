//! `--output table`: a port of awscli's `TableFormatter` (formatter.py) and
//! `MultiTable` (table.py), without colour and without the switch to a
//! vertical layout that the CLI makes when a table is wider than the
//! terminal (the playground console scrolls sideways instead).

use serde_json::{Map, Value};

use super::py_str;

#[derive(Default)]
struct Section {
    title: String,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    indent: usize,
    max_widths: Vec<usize>,
}

impl Section {
    fn update_widths(&mut self, row: &[String]) {
        if self.max_widths.is_empty() {
            self.max_widths = row.iter().map(|c| c.chars().count()).collect();
        } else {
            for (w, c) in self.max_widths.iter_mut().zip(row) {
                *w = (*w).max(c.chars().count());
            }
        }
    }

    /// table.py `calculate_column_widths`: natural widths plus padding,
    /// scaled to fill `max_width` exactly.
    fn column_widths(&self, padding: usize, max_width: Option<usize>) -> Vec<usize> {
        let unscaled: Vec<usize> = self.max_widths.iter().map(|w| w + padding).collect();
        let Some(max_width) = max_width else {
            return unscaled;
        };
        let total: usize = unscaled.iter().sum();
        if unscaled.is_empty() || total == 0 {
            return unscaled;
        }
        let scale = max_width as f64 / total as f64;
        let mut scaled: Vec<i64> = unscaled
            .iter()
            .map(|w| py_round(scale * *w as f64))
            .collect();
        let mut off_by: i64 = scaled.iter().sum::<i64>() - max_width as i64;
        // Bounded: each pass moves off_by one step toward zero per column.
        let mut guard = 0;
        while off_by != 0 && guard < 10_000 {
            guard += 1;
            let n = scaled.len();
            for k in 0..n {
                let i = if off_by < 0 { n - 1 - k } else { k };
                if off_by > 0 {
                    scaled[i] -= 1;
                    off_by -= 1;
                } else {
                    scaled[i] += 1;
                    off_by += 1;
                }
                if off_by == 0 {
                    break;
                }
            }
        }
        scaled.into_iter().map(|w| w.max(0) as usize).collect()
    }

    fn total_width(&self) -> usize {
        let cols: usize = self.column_widths(0, None).iter().map(|w| w + 4).sum();
        let total = cols + 2 + 2 * self.indent;
        total.max(self.title.chars().count() + 2 + 2 * self.indent)
    }
}

/// Python 3 `round()` (half to even), as table.py uses.
fn py_round(x: f64) -> i64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 && (r as i64) % 2 != 0 {
        (r - x.signum()) as i64
    } else {
        r as i64
    }
}

#[derive(Default)]
struct Table {
    sections: Vec<Section>,
}

impl Table {
    fn new_section(&mut self, title: &str, indent: usize) {
        self.sections.push(Section {
            title: title.to_string(),
            indent,
            ..Section::default()
        });
    }

    fn current(&mut self) -> &mut Section {
        if self.sections.is_empty() {
            self.sections.push(Section::default());
        }
        let last = self.sections.len() - 1;
        &mut self.sections[last]
    }

    fn add_header(&mut self, headers: Vec<String>) {
        let s = self.current();
        s.update_widths(&headers);
        s.headers = headers;
    }

    fn add_row(&mut self, row: Vec<String>) {
        let s = self.current();
        s.update_widths(&row);
        s.rows.push(row);
    }

    fn render(&self) -> String {
        let max_width = self
            .sections
            .iter()
            .map(Section::total_width)
            .max()
            .unwrap_or(0);
        let mut out = "-".repeat(max_width);
        out.push('\n');
        for s in &self.sections {
            let width = max_width.saturating_sub(s.indent * 2);
            let mut lines = Vec::new();
            if !s.title.is_empty() {
                lines.push(center(&s.title, width, "|", "|"));
                if s.headers.is_empty() && s.rows.is_empty() {
                    lines.push(format!("+{}+", "-".repeat(width.saturating_sub(2))));
                }
            }
            let widths = s.column_widths(4, Some(width));
            if !s.headers.is_empty() {
                lines.push(line_break(&widths));
                let mut cur = String::new();
                for (i, (w, h)) in widths.iter().zip(&s.headers).enumerate() {
                    cur.push_str(&center(h, *w, if i == 0 { "|" } else { "" }, "|"));
                }
                lines.push(cur);
            }
            if !s.rows.is_empty() && !widths.is_empty() {
                lines.push(line_break(&widths));
                for row in &s.rows {
                    let mut cur = String::new();
                    for (i, (w, cell)) in widths.iter().zip(row).enumerate() {
                        cur.push_str(&align_left(cell, *w, if i == 0 { "|" } else { "" }, "|"));
                    }
                    lines.push(cur);
                }
                lines.push(line_break(&widths));
            }
            let bars = "|".repeat(s.indent);
            for l in lines {
                out.push_str(&format!("{bars}{l}{bars}\n"));
            }
        }
        out
    }
}

fn center(text: &str, length: usize, left: &str, right: &str) -> String {
    let tlen = text.chars().count();
    let start = (length / 2).saturating_sub(tlen / 2).saturating_sub(1);
    let so_far = left.len() + start + tlen;
    let right_spaces = length.saturating_sub(right.len()).saturating_sub(so_far);
    format!(
        "{left}{}{text}{}{right}",
        " ".repeat(start),
        " ".repeat(right_spaces)
    )
}

fn align_left(text: &str, length: usize, left: &str, right: &str) -> String {
    let tlen = text.chars().count();
    let padding = if length >= tlen + 2 + left.len() + right.len() {
        2
    } else {
        0
    };
    let so_far = left.len() + padding + tlen;
    let fill = length.saturating_sub(so_far).saturating_sub(right.len());
    format!(
        "{left}{}{text}{}{right}",
        " ".repeat(padding),
        " ".repeat(fill)
    )
}

fn line_break(widths: &[usize]) -> String {
    let mut s = String::new();
    for (i, w) in widths.iter().enumerate() {
        if i == 0 {
            s.push_str(&format!("+{}+", "-".repeat(w.saturating_sub(2))));
        } else {
            s.push_str(&format!("{}+", "-".repeat(w.saturating_sub(1))));
        }
    }
    s
}

fn is_scalar(v: &Value) -> bool {
    !(v.is_array() || v.is_object())
}

fn group_keys(m: &Map<String, Value>) -> (Vec<String>, Vec<String>) {
    let mut headers: Vec<String> = m
        .iter()
        .filter(|(_, v)| is_scalar(v))
        .map(|(k, _)| k.clone())
        .collect();
    let mut more: Vec<String> = m
        .iter()
        .filter(|(_, v)| !is_scalar(v))
        .map(|(k, _)| k.clone())
        .collect();
    headers.sort();
    more.sort();
    (headers, more)
}

fn build(t: &mut Table, title: Option<&str>, current: &Value, indent: usize) -> bool {
    if !super::super::jmespath::truthy(current) {
        return false;
    }
    if let Some(title) = title {
        t.new_section(title, indent);
    }
    match current {
        Value::Array(items) => {
            if items.first().is_some_and(Value::is_object) {
                from_list(t, items, indent, title.unwrap_or(""));
            } else {
                for item in items {
                    match item {
                        Value::Array(inner) if inner.iter().all(is_scalar) => {
                            t.add_row(inner.iter().map(py_str).collect())
                        }
                        v if is_scalar(v) => t.add_row(vec![py_str(v)]),
                        v => {
                            build(t, None, v, 0);
                        }
                    }
                }
            }
        }
        Value::Object(m) => {
            let (headers, more) = group_keys(m);
            if headers.len() == 1 {
                let h = headers[0].clone();
                let v = m.get(&h).map(py_str).unwrap_or_default();
                t.add_row(vec![h, v]);
            } else if !headers.is_empty() {
                let row = headers
                    .iter()
                    .map(|h| m.get(h).map(py_str).unwrap_or_default())
                    .collect();
                t.add_header(headers);
                t.add_row(row);
            }
            for k in more {
                if let Some(v) = m.get(&k) {
                    build(t, Some(&k), v, indent + 1);
                }
            }
        }
        // table.py adds nothing for a bare scalar: only the title shows.
        _ => {}
    }
    true
}

fn from_list(t: &mut Table, items: &[Value], indent: usize, title: &str) {
    let mut headers = std::collections::BTreeSet::new();
    let mut more = std::collections::BTreeSet::new();
    for item in items {
        if let Value::Object(m) = item {
            let (h, r) = group_keys(m);
            headers.extend(h);
            more.extend(r);
        }
    }
    let headers: Vec<String> = headers.into_iter().collect();
    t.add_header(headers.clone());
    for (i, item) in items.iter().enumerate() {
        if i > 0 && !more.is_empty() {
            t.new_section(title, indent);
            t.add_header(headers.clone());
        }
        let row = headers
            .iter()
            .map(|h| item.get(h).map(py_str).unwrap_or_default())
            .collect();
        t.add_row(row);
        for k in &more {
            if let Some(v) = item.get(k) {
                build(t, Some(k), v, indent + 1);
            }
        }
    }
}

/// Formats `value` as `aws --output table` prints it, titled `title` (the
/// operation name). Falsy values (`null`, `[]`, `{}`, `""`) print nothing.
pub fn format_table(value: &Value, title: &str) -> String {
    let mut t = Table::default();
    if build(&mut t, Some(title), value, 0) {
        t.render()
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_scalar_shows_only_the_title_as_in_table_py() {
        // `--query HostedZone.Id --output table`.
        assert_eq!(
            format_table(&json!("/hostedzone/Z1"), "GetHostedZone"),
            "---------------\n\
             |GetHostedZone|\n\
             +-------------+\n"
        );
        assert_eq!(format_table(&json!([]), "ListHostedZones"), "");
    }

    #[test]
    fn nested_sections_are_indented_with_bars() {
        let v = json!({"ChangeInfo": {"Id": "/change/C1", "Status": "INSYNC"}});
        // Checked by hand against table.py: the title section has no rows,
        // so a `+---+` rule closes it; the nested section is framed by one
        // extra bar on each side (IndentedStream) and the columns are
        // scaled to the full width.
        assert_eq!(
            format_table(&v, "GetChange"),
            "----------------------------\n\
             |         GetChange        |\n\
             +--------------------------+\n\
             ||       ChangeInfo       ||\n\
             |+-------------+----------+|\n\
             ||     Id      | Status   ||\n\
             |+-------------+----------+|\n\
             ||  /change/C1 |  INSYNC  ||\n\
             |+-------------+----------+|\n"
        );
    }

    #[test]
    fn python_rounding_is_half_to_even() {
        let cases = [(0.5, 0), (1.5, 2), (2.5, 2), (2.4, 2), (2.6, 3)];
        for (x, want) in cases {
            assert_eq!(py_round(x), want, "{x}");
        }
    }
}
