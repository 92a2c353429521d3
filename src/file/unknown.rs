//! Unknown fields: found while loading, reported with their line, and written back on save.
//!
//! `serde_ignored` tells which fields the typed parse skipped, as a path (`cards.3.pain.?.x`).
//! A small scanner of RON's structure (strings, comments, brackets; no values) finds each of
//! them in the text, for its line and its value exactly as written. Saving runs the scanner
//! over the new text and puts every kept field back inside the element that held it.

use serde::Deserialize;

use crate::model::{FieldStep, JourneyMap, KeptField};

/// A field of the file that this version of journeymap does not know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownField {
    /// Where it is, as people read it: `cards[c12].pain.confidence`.
    pub path: String,
    /// 1-based line of its name.
    pub line: usize,
    /// 1-based column of its name.
    pub column: usize,
    /// A known field of the same element with a similar name: probably a typo of it.
    pub did_you_mean: Option<&'static str>,
}

impl std::fmt::Display for UnknownField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown field `{}`", self.path)?;
        if let Some(known) = self.did_you_mean {
            write!(f, " (did you mean `{known}`?)")?;
        }
        Ok(())
    }
}

/// Parses `text` into a map and lists the fields it skipped, as fields to keep and as reports.
/// The fields to keep name their element by position; [`key_owners`] names it by id once the
/// map is restored.
pub(super) fn parse_keeping(
    text: &str,
    options: &ron::Options,
) -> Result<(JourneyMap, Vec<KeptField>, Vec<UnknownField>), ron::error::SpannedError> {
    let mut skipped: Vec<Vec<FieldStep>> = Vec::new();
    let mut de = ron::Deserializer::from_str_with_options(text, options)?;
    let map: JourneyMap = serde_ignored::deserialize(&mut de, |path| {
        let mut steps = Vec::new();
        steps_of(&path, &mut steps);
        skipped.push(steps);
    })
    .map_err(|e| de.span_error(e))?;
    de.end().map_err(|e| de.span_error(e))?;

    let bytes = text.as_bytes();
    let mut kept = Vec::new();
    let mut unknown = Vec::new();
    for mut steps in skipped {
        let Some(FieldStep::Field(name)) = steps.pop() else {
            continue;
        };
        let Some(entry) = find_entry(bytes, &steps, &name) else {
            continue;
        };
        let (line, column) = super::position::line_col(&bytes[..entry.name_start]);
        let field = KeptField {
            owner: steps,
            name,
            raw: text[entry.value_start..entry.value_end].to_owned(),
        };
        // Reported with the ids as written in the file.
        let reported = KeptField {
            owner: keyed(&field.owner, &map),
            ..field.clone()
        };
        unknown.push(UnknownField {
            path: reported.path(),
            line,
            column,
            did_you_mean: did_you_mean(&field.owner, &field.name),
        });
        kept.push(field);
    }
    unknown.sort_by_key(|u| (u.line, u.column));
    Ok((map, kept, unknown))
}

/// Names the element of each kept field (found by position in `parsed`, the map as read) by
/// its id in `restored`, the same map after [`restore`](crate::model::restore). Restore keeps
/// every element in place but may give one a new id (a duplicate, an empty one), so the
/// position is what finds it; a field of a curve point that restore dropped goes with it.
pub(super) fn key_owners(
    kept: Vec<KeptField>,
    parsed: &JourneyMap,
    restored: &JourneyMap,
) -> Vec<KeptField> {
    let mut kept: Vec<KeptField> = kept
        .into_iter()
        .filter_map(|mut field| {
            // Curve points are the one list restore shortens and sorts: follow the point by
            // its step, if restore kept it (the first point of each existing step).
            if let [
                FieldStep::Field(curves),
                FieldStep::Index(curve),
                FieldStep::Field(points),
                FieldStep::Index(point),
                ..,
            ] = field.owner.as_mut_slice()
                && curves == "curves"
                && points == "points"
            {
                let before = &parsed.curves.get(*curve)?.points;
                let step = &before.get(*point)?.step;
                if before.iter().position(|p| &p.step == step) != Some(*point) {
                    return None;
                }
                let after = &restored.curves.get(*curve)?.points;
                *point = after.iter().position(|p| &p.step == step)?;
            }
            follow_dropped(&mut field.owner, parsed)?;
            field.owner = keyed(&field.owner, restored);
            Some(field)
        })
        .collect();
    // One order whatever the file's: by element (a field's place among its element's fields is
    // kept), so a map reads back equal after a save moved root fields to the end.
    kept.sort_by(|a, b| a.owner.cmp(&b.owner));
    kept
}

/// Restore drops targets and evidence that point at nothing (and only those, in the order
/// they were): the position of a field's target or evidence in `parsed` becomes its position
/// among those restore keeps, or `None` when restore dropped its element.
fn follow_dropped(owner: &mut [FieldStep], parsed: &JourneyMap) -> Option<()> {
    use crate::model::{keeps_evidence, keeps_target};
    let field = |step: &FieldStep, name: &str| matches!(step, FieldStep::Field(f) if f == name);
    match owner {
        [metrics, targets, FieldStep::Index(i), ..]
            if field(metrics, "metrics") && field(targets, "targets") =>
        {
            let list = &parsed.metrics.targets;
            if !keeps_target(parsed, list.get(*i)?) {
                return None;
            }
            *i = list[..*i]
                .iter()
                .filter(|t| keeps_target(parsed, t))
                .count();
        }
        [
            cards,
            FieldStep::Index(card),
            pain,
            FieldStep::Inner,
            evidence,
            FieldStep::Index(i),
            ..,
        ] if field(cards, "cards") && field(pain, "pain") && field(evidence, "evidence") => {
            let list = &parsed.cards.get(*card)?.pain.as_ref()?.evidence;
            if !keeps_evidence(parsed, list.get(*i)?) {
                return None;
            }
            *i = list[..*i]
                .iter()
                .filter(|e| keeps_evidence(parsed, e))
                .count();
        }
        _ => {}
    }
    Some(())
}

/// Whether the element that holds `field` is still in `map` (its id may have been repaired).
pub(super) fn owner_exists(field: &KeptField, map: &JourneyMap) -> bool {
    concrete(&field.owner, map).is_some()
}

/// Puts the kept fields of `map` back into `text`, the map's canonical RON; a field whose
/// element is gone (deleted since) goes with it.
pub(super) fn splice(text: &str, map: &JourneyMap) -> String {
    let bytes = text.as_bytes();
    let mut inserts: Vec<(usize, usize, String)> = Vec::new();
    for (n, field) in map.kept.iter().enumerate() {
        let Some(steps) = concrete(&field.owner, map) else {
            continue;
        };
        let Some(start) = value_start(bytes, &steps) else {
            continue;
        };
        let Some((open, entries, close)) = struct_at(bytes, start) else {
            continue;
        };
        if entries
            .iter()
            .any(|e| text[e.name_start..e.name_end] == field.name)
        {
            continue;
        }
        let line_start = text[..close].rfind('\n').map_or(0, |i| i + 1);
        let own_line = line_start > open && text[line_start..close].trim().is_empty();
        let last = text[open + 1..close].trim_end();
        let comma = if last.is_empty() || last.ends_with(',') {
            ""
        } else {
            ","
        };
        let insert = if own_line {
            let indent = &text[line_start..close];
            (
                open + 1 + last.len(),
                format!("{comma}\n{indent}    {}: {},", field.name, field.raw),
            )
        } else {
            (
                open + 1 + last.len(),
                format!("{comma} {}: {}", field.name, field.raw),
            )
        };
        inserts.push((insert.0, n, insert.1));
    }
    // From the end, so earlier positions stay valid; fields of one element keep their order.
    inserts.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    let mut out = text.to_owned();
    for (at, _, insert) in inserts {
        out.insert_str(at, &insert);
    }
    out
}

fn steps_of(path: &serde_ignored::Path<'_>, out: &mut Vec<FieldStep>) {
    use serde_ignored::Path as P;
    match path {
        P::Root => {}
        P::Seq { parent, index } => {
            steps_of(parent, out);
            out.push(FieldStep::Index(*index));
        }
        P::Map { parent, key } => {
            steps_of(parent, out);
            out.push(FieldStep::Field(key.clone()));
        }
        P::Some { parent } | P::NewtypeStruct { parent } | P::NewtypeVariant { parent } => {
            steps_of(parent, out);
            out.push(FieldStep::Inner);
        }
    }
}

/// Where a list element is, for turning positions into ids and back.
#[derive(Clone, Copy)]
enum Place<'a> {
    Root,
    Stages,
    Stage(&'a crate::model::Stage),
    Steps(&'a crate::model::Stage),
    Lanes,
    Cards,
    Curves,
    Curve(&'a crate::model::EmotionCurve),
    Points(&'a crate::model::EmotionCurve),
    Other,
}

impl<'a> Place<'a> {
    fn field(self, name: &str) -> Self {
        match (self, name) {
            (Self::Root, "stages") => Self::Stages,
            (Self::Root, "lanes") => Self::Lanes,
            (Self::Root, "cards") => Self::Cards,
            (Self::Root, "curves") => Self::Curves,
            (Self::Stage(stage), "steps") => Self::Steps(stage),
            (Self::Curve(curve), "points") => Self::Points(curve),
            _ => Self::Other,
        }
    }

    /// The elements of this list that have an id (a point is named by its step), in order,
    /// each with the place it opens; empty for anything else.
    fn elements(self, map: &'a JourneyMap) -> Vec<(&'a crate::model::Id, Self)> {
        match self {
            Self::Stages => map.stages.iter().map(|s| (&s.id, Self::Stage(s))).collect(),
            Self::Steps(stage) => stage.steps.iter().map(|s| (&s.id, Self::Other)).collect(),
            Self::Lanes => map.lanes.iter().map(|l| (&l.id, Self::Other)).collect(),
            Self::Cards => map.cards.iter().map(|c| (&c.id, Self::Other)).collect(),
            Self::Curves => map.curves.iter().map(|c| (&c.id, Self::Curve(c))).collect(),
            Self::Points(curve) => curve
                .points
                .iter()
                .map(|p| (&p.step, Self::Other))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The id of the element at `index` of this list, and the place it opens.
    fn id_at(self, map: &'a JourneyMap, index: usize) -> Option<(crate::model::Id, Self)> {
        let (id, next) = self.elements(map).into_iter().nth(index)?;
        Some((id.clone(), next))
    }

    /// The position of the element with `id` in this list, and the place it opens.
    fn index_of(self, map: &'a JourneyMap, id: &crate::model::Id) -> Option<(usize, Self)> {
        self.elements(map)
            .into_iter()
            .enumerate()
            .find(|(_, (element, _))| *element == id)
            .map(|(i, (_, next))| (i, next))
    }
}

/// Positions in lists that have ids become ids, so the field follows its element.
fn keyed(steps: &[FieldStep], map: &JourneyMap) -> Vec<FieldStep> {
    let mut place = Place::Root;
    steps
        .iter()
        .map(|step| match step {
            FieldStep::Field(name) => {
                place = place.field(name);
                step.clone()
            }
            FieldStep::Index(i) => match place.id_at(map, *i) {
                Some((id, next)) => {
                    place = next;
                    FieldStep::Element(id)
                }
                None => {
                    place = Place::Other;
                    step.clone()
                }
            },
            FieldStep::Element(_) | FieldStep::Inner => step.clone(),
        })
        .collect()
}

/// Ids become positions in `map` again; `None` when an element is no longer there.
fn concrete(steps: &[FieldStep], map: &JourneyMap) -> Option<Vec<FieldStep>> {
    let mut place = Place::Root;
    steps
        .iter()
        .map(|step| match step {
            FieldStep::Field(name) => {
                place = place.field(name);
                Some(step.clone())
            }
            FieldStep::Element(id) => {
                let (i, next) = place.index_of(map, id)?;
                place = next;
                Some(FieldStep::Index(i))
            }
            FieldStep::Index(_) => {
                place = Place::Other;
                Some(step.clone())
            }
            FieldStep::Inner => Some(step.clone()),
        })
        .collect()
}

/// The known fields of the struct at `owner` (positions and `Some` do not matter), with the
/// one `name` was probably meant to be.
fn did_you_mean(owner: &[FieldStep], name: &str) -> Option<&'static str> {
    let schema: Vec<&str> = owner
        .iter()
        .filter_map(|s| match s {
            FieldStep::Field(f) => Some(f.as_str()),
            _ => None,
        })
        .collect();
    use crate::model as m;
    let known: &[&'static str] = match schema.as_slice() {
        [] => fields_of::<JourneyMap>(),
        ["persona"] => fields_of::<m::Persona>(),
        ["review"] => fields_of::<m::Review>(),
        ["stages"] => fields_of::<m::Stage>(),
        ["stages", "steps"] => fields_of::<m::Step>(),
        ["lanes"] => fields_of::<m::Lane>(),
        ["cards"] => fields_of::<m::Card>(),
        ["cards", "channel"] => fields_of::<m::Channel>(),
        ["cards", "pain"] => fields_of::<m::PainPoint>(),
        ["cards", "pain", "anchor"] => &["curve", "step"],
        ["cards", "opportunity"] => fields_of::<m::Opportunity>(),
        ["curves"] => fields_of::<m::EmotionCurve>(),
        ["curves", "points"] => fields_of::<m::EmotionPoint>(),
        ["metrics"] => fields_of::<m::Metrics>(),
        ["metrics", "snapshots"] => fields_of::<m::MetricSnapshot>(),
        ["metrics", "snapshots", "source"] => fields_of::<m::DataSource>(),
        ["metrics", "import"] | ["metrics", "snapshots", "settings"] => {
            fields_of::<m::ImportSettings>()
        }
        ["metrics", "snapshots", "touchpoints"] => fields_of::<m::TouchpointMetrics>(),
        ["metrics", "snapshots", "stages"] => fields_of::<m::StageMetrics>(),
        ["metrics", "snapshots", "overall" | "months"]
        | ["metrics", "snapshots", "touchpoints", "total" | "months"] => {
            fields_of::<m::MetricValues>()
        }
        ["metrics", "targets"] => fields_of::<m::Target>(),
        _ => &[],
    };
    let lower = name.to_lowercase();
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(&lower, k), *k))
        .filter(|(distance, k)| *distance <= 2 && *distance * 3 <= k.len().max(3))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, k)| k)
}

/// The field names serde knows for `T`, asked of its `Deserialize` implementation.
fn fields_of<T: for<'de> Deserialize<'de>>() -> &'static [&'static str] {
    #[derive(Debug)]
    struct Found(&'static [&'static str]);
    impl std::fmt::Display for Found {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("introspection")
        }
    }
    impl std::error::Error for Found {}
    impl serde::de::Error for Found {
        fn custom<M: std::fmt::Display>(_: M) -> Self {
            Self(&[])
        }
    }
    struct Ask;
    impl<'de> serde::Deserializer<'de> for Ask {
        type Error = Found;
        fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, Found> {
            Err(Found(&[]))
        }
        fn deserialize_struct<V: serde::de::Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Found> {
            Err(Found(fields))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map enum identifier ignored_any
        }
    }
    match T::deserialize(Ask) {
        Err(Found(fields)) => fields,
        Ok(_) => &[],
    }
}

/// One `name: value` entry of a RON struct, as byte offsets.
struct Entry {
    name_start: usize,
    name_end: usize,
    value_start: usize,
    value_end: usize,
}

/// The entry `name` of the struct at `owner` in `text`.
fn find_entry(text: &[u8], owner: &[FieldStep], name: &str) -> Option<Entry> {
    let start = value_start(text, owner)?;
    let (_, entries, _) = struct_at(text, start)?;
    entries
        .into_iter()
        .find(|e| &text[e.name_start..e.name_end] == name.as_bytes())
}

/// Where the value at `steps` starts, following fields, list positions and `Some(...)`.
fn value_start(text: &[u8], steps: &[FieldStep]) -> Option<usize> {
    let mut pos = skip_space(text, 0);
    for step in steps {
        match step {
            FieldStep::Field(name) => {
                let (_, entries, _) = struct_at(text, pos)?;
                pos = entries
                    .into_iter()
                    .find(|e| &text[e.name_start..e.name_end] == name.as_bytes())?
                    .value_start;
            }
            FieldStep::Index(i) => {
                // A list, or a tuple such as a month's `("2026-03", (events: 3, ...))`.
                let close = match text.get(pos) {
                    Some(b'[') => b']',
                    Some(b'(') => b')',
                    _ => return None,
                };
                pos = *items(text, pos, close)?.get(*i)?;
            }
            FieldStep::Inner => {
                // `Some(x)`, `Variant(x)`: step inside; a bare value is its own inside.
                let after = ident_end(text, pos);
                if after > pos {
                    let open = skip_space(text, after);
                    if text.get(open) == Some(&b'(') {
                        pos = skip_space(text, open + 1);
                    }
                }
            }
            FieldStep::Element(_) => return None,
        }
    }
    Some(pos)
}

/// The struct `(name: value, ...)` (maybe after a struct or variant name) at `pos`: its
/// opening bracket, entries and closing bracket.
fn struct_at(text: &[u8], pos: usize) -> Option<(usize, Vec<Entry>, usize)> {
    let mut i = skip_space(text, ident_end(text, pos));
    if text.get(i) != Some(&b'(') {
        return None;
    }
    let open = i;
    i = skip_space(text, i + 1);
    let mut entries = Vec::new();
    loop {
        if text.get(i) == Some(&b')') {
            return Some((open, entries, i));
        }
        let name_start = i;
        let name_end = ident_end(text, i);
        if name_end == name_start {
            return None;
        }
        i = skip_space(text, name_end);
        if text.get(i) != Some(&b':') {
            return None;
        }
        let value_start = skip_space(text, i + 1);
        let value_end = skip_value(text, value_start)?;
        entries.push(Entry {
            name_start,
            name_end,
            value_start,
            value_end,
        });
        i = skip_space(text, value_end);
        match text.get(i) {
            Some(b',') => i = skip_space(text, i + 1),
            Some(b')') => {}
            _ => return None,
        }
    }
}

/// The starts of the items of the list `[...]` (or tuple `(...)`, `close` says which) at
/// `open`.
fn items(text: &[u8], open: usize, close: u8) -> Option<Vec<usize>> {
    let mut i = skip_space(text, open + 1);
    let mut starts = Vec::new();
    loop {
        if text.get(i) == Some(&close) {
            return Some(starts);
        }
        starts.push(i);
        i = skip_space(text, skip_value(text, i)?);
        match text.get(i) {
            Some(b',') => i = skip_space(text, i + 1),
            Some(c) if *c == close => {}
            _ => return None,
        }
    }
}

/// The end of the identifier at `pos` (`pos` itself when there is none).
fn ident_end(text: &[u8], pos: usize) -> usize {
    let mut i = pos;
    if text
        .get(i)
        .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_')
    {
        while text
            .get(i)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
        {
            i += 1;
        }
    }
    i
}

/// Skips white space and comments (`//` to the end of the line, nested `/* */`).
fn skip_space(text: &[u8], mut i: usize) -> usize {
    loop {
        match (text.get(i), text.get(i + 1)) {
            (Some(c), _) if c.is_ascii_whitespace() => i += 1,
            (Some(b'/'), Some(b'/')) => {
                while text.get(i).is_some_and(|c| *c != b'\n') {
                    i += 1;
                }
            }
            (Some(b'/'), Some(b'*')) => {
                let mut depth = 0usize;
                while i < text.len() {
                    if text[i..].starts_with(b"/*") {
                        depth += 1;
                        i += 2;
                    } else if text[i..].starts_with(b"*/") {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            _ => return i,
        }
    }
}

/// The end of the value at `pos`: a string, a character, a bracketed group (maybe named),
/// or a bare token such as a number or an identifier.
fn skip_value(text: &[u8], pos: usize) -> Option<usize> {
    let i = skip_space(text, pos);
    match text.get(i)? {
        b'"' | b'\'' => skip_quoted(text, i),
        b'r' | b'b' if is_raw_or_byte_string(text, i) => skip_raw_or_byte_string(text, i),
        b'(' | b'[' | b'{' => skip_group(text, i),
        c if c.is_ascii_alphabetic() || *c == b'_' => {
            let end = ident_end(text, i);
            let after = skip_space(text, end);
            if text.get(after) == Some(&b'(') {
                skip_group(text, after)
            } else {
                Some(end)
            }
        }
        _ => {
            let mut j = i;
            while text
                .get(j)
                .is_some_and(|c| !c.is_ascii_whitespace() && !b",)]}:".contains(c))
            {
                j += 1;
            }
            (j > i).then_some(j)
        }
    }
}

fn is_raw_or_byte_string(text: &[u8], i: usize) -> bool {
    let rest = &text[i..];
    rest.starts_with(b"r\"")
        || rest.starts_with(b"r#")
        || rest.starts_with(b"b\"")
        || rest.starts_with(b"br")
}

fn skip_raw_or_byte_string(text: &[u8], mut i: usize) -> Option<usize> {
    if text.get(i) == Some(&b'b') {
        i += 1;
        if text.get(i) == Some(&b'"') {
            return skip_quoted(text, i);
        }
    }
    // r#*"..."#*
    i += 1;
    let hashes = text[i..].iter().take_while(|c| **c == b'#').count();
    i += hashes;
    if text.get(i) != Some(&b'"') {
        // A raw identifier (`r#name`), not a string.
        return Some(ident_end(text, i));
    }
    i += 1;
    loop {
        let quote = i + text.get(i..)?.iter().position(|c| *c == b'"')?;
        let closing = text[quote + 1..]
            .iter()
            .take(hashes)
            .take_while(|c| **c == b'#')
            .count();
        if closing == hashes {
            return Some(quote + 1 + hashes);
        }
        i = quote + 1;
    }
}

/// The end of the string (`"`) or character (`'`) literal opening at `open`.
fn skip_quoted(text: &[u8], open: usize) -> Option<usize> {
    let quote = *text.get(open)?;
    let mut i = open + 1;
    loop {
        match text.get(i)? {
            b'\\' => i += 2,
            c if *c == quote => return Some(i + 1),
            _ => i += 1,
        }
    }
}

/// Skips a bracketed group, whatever its nesting, without recursion.
fn skip_group(text: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open;
    loop {
        i = skip_space(text, i);
        match text.get(i)? {
            b'(' | b'[' | b'{' => {
                depth += 1;
                i += 1;
            }
            b')' | b']' | b'}' => {
                depth -= 1;
                i += 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            b'"' | b'\'' => i = skip_quoted(text, i)?,
            b'r' | b'b' if is_raw_or_byte_string(text, i) => {
                i = skip_raw_or_byte_string(text, i)?;
            }
            c if c.is_ascii_alphanumeric() || *c == b'_' => {
                // Whole words, so an `r` or `b` inside a name never starts a string.
                i = ident_end(text, i).max(i + 1);
            }
            _ => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn scanner_finds_fields_through_strings_comments_and_options() {
        let text = r##"( // a comment with ( and "
            a: "x)\"(", /* nested /* ( */ */
            b: Some((c: r#"raw " ) "#, d: [1, (e: 'q')])),
            f: Point(curve: "cv1", step: "st2"),
        )"##;
        let bytes = text.as_bytes();
        let owner = [FieldStep::Field("b".into()), FieldStep::Inner];
        let d = find_entry(bytes, &owner, "d").unwrap();
        assert_eq!(&text[d.value_start..d.value_end], "[1, (e: 'q')]");
        let c = find_entry(bytes, &owner, "c").unwrap();
        assert_eq!(&text[c.value_start..c.value_end], "r#\"raw \" ) \"#");
        let steps = [
            FieldStep::Field("b".into()),
            FieldStep::Inner,
            FieldStep::Field("d".into()),
            FieldStep::Index(1),
        ];
        let e = find_entry(bytes, &steps, "e").unwrap();
        assert_eq!(&text[e.value_start..e.value_end], "'q'");
        let step = find_entry(bytes, &[FieldStep::Field("f".into())], "step").unwrap();
        assert_eq!(&text[step.value_start..step.value_end], "\"st2\"");
    }

    #[test]
    fn typos_get_a_suggestion_and_new_names_do_not() {
        let pain = [
            FieldStep::Field("cards".into()),
            FieldStep::Index(0),
            FieldStep::Field("pain".into()),
            FieldStep::Inner,
        ];
        assert_eq!(did_you_mean(&pain, "ownr"), Some("owner"));
        assert_eq!(did_you_mean(&pain, "severty"), Some("severity"));
        assert_eq!(did_you_mean(&pain, "confidence"), None);
        assert_eq!(did_you_mean(&[], "titel"), Some("title"));
        assert_eq!(did_you_mean(&[], "workshops"), None);
        let target = [
            FieldStep::Field("metrics".into()),
            FieldStep::Field("targets".into()),
            FieldStep::Index(0),
        ];
        assert_eq!(did_you_mean(&target, "directon"), Some("direction"));
    }

    #[test]
    fn fields_come_from_serde() {
        assert!(fields_of::<crate::model::PainPoint>().contains(&"severity"));
        assert!(fields_of::<JourneyMap>().contains(&"next_id"));
        assert!(!fields_of::<JourneyMap>().contains(&"kept"));
    }
}
