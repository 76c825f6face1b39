//! `nodeward debug-flows FILE` (hidden): for people who extend the models,
//! every call argument of FILE that the dataflow engine finds client data
//! in, with its labels and the steps from the request.

use nodeward_semantic::flow::{Flow, QueryPart, Taint, BOUNDED, OBJECT, REGEX, SQL, TEXT};
use nodeward_semantic::routes::{name, RouteTable};
use nodeward_semantic::{FileId, Project};

/// The report for the project files whose path ends with `wanted`.
pub fn report(project: &Project, routes: &RouteTable, wanted: &str) -> String {
    let wanted = wanted.replace('\\', "/");
    let wanted = wanted.trim_start_matches("./");
    let flow = Flow::new(project, routes);
    let mut out = String::new();
    let files: Vec<FileId> = (0..project.files.len() as FileId)
        .filter(|&f| {
            let p = &project.file(f).path;
            p == wanted || p.ends_with(&format!("/{wanted}"))
        })
        .collect();
    if files.is_empty() {
        out.push_str(&format!("no analysed file matches `{wanted}`\n"));
    }
    for file in files {
        let model = project.file(file);
        out.push_str(&format!(
            "{}\n",
            nodeward_report::render::line_start_path(&model.path)
        ));
        let mut any = false;
        for (func, f) in model.functions.iter().enumerate() {
            for site in &f.calls {
                for (i, arg) in site.call.args.iter().enumerate() {
                    // A value, or client data inside an object literal (a
                    // query filter).
                    let hits: Vec<(String, Taint)> =
                        match flow.client_value(file, func as u32, arg, site.cond) {
                            Some(t) => vec![(String::new(), t)],
                            None => flow
                                .query_object(file, func as u32, arg, site.cond)
                                .into_iter()
                                .map(|h| (part(&h.part), h.taint))
                                .collect(),
                        };
                    for (where_, t) in hits {
                        any = true;
                        out.push_str(&format!(
                            "  {}(…) argument {}{where_}: {} [{}]\n",
                            nodeward_report::render::terminal_line(&name(model, &site.call.callee)),
                            i + 1,
                            nodeward_report::render::terminal_line(&t.what),
                            labels(t.labels, t.escaped)
                        ));
                        for s in &t.steps {
                            out.push_str(&format!(
                                "      {} at byte {}: {}\n",
                                nodeward_report::render::terminal_line(&project.file(s.file).path),
                                s.span.start,
                                nodeward_report::render::terminal_line(&s.message)
                            ));
                        }
                    }
                }
            }
        }
        if !any {
            out.push_str("  no call argument holds client data\n");
        }
    }
    out
}

fn part(p: &QueryPart) -> String {
    match p {
        QueryPart::Whole => ", the whole object".into(),
        QueryPart::Field(f) => format!(", field `{f}`"),
        QueryPart::Where => ", `$where`".into(),
        QueryPart::Regex(f) => format!(", `$regex` of `{f}`"),
    }
}

fn labels(labels: u8, escaped: u8) -> String {
    let mut v = Vec::new();
    if labels & OBJECT != 0 {
        v.push("object");
    }
    if labels & TEXT != 0 {
        v.push("text");
    }
    if escaped & SQL != 0 {
        v.push("sql-escaped");
    }
    if escaped & REGEX != 0 {
        v.push("regex-escaped");
    }
    if escaped & BOUNDED != 0 {
        v.push("bounded");
    }
    v.join(", ")
}
