//! The crate's own pages (`render::html`, marked `<meta name="generator"
//! content="ogi-report">`) read back exactly from their markup: every text as its text
//! nodes hold it (the page shows it with `white-space: pre-wrap`), every value from the
//! cell whose `id` is its cell's code, what a table prints beyond its cells from the rows
//! and paragraphs the renderer marks (`tr.extra`, `tr.remark`, `p.remark`,
//! `span.remark`).

use html5ever::{LocalName, local_name};

use super::tree::{Kind, Tree, build};

pub(crate) use crate::render::html::GENERATOR;
use crate::render::html::{CLASS_META, CLASS_REMARK, CLASS_TEXT};

/// What the page holds, in document order, as the renderer wrote it.
#[derive(Debug, Default)]
pub(crate) struct Own {
    /// The `<h1>`.
    pub(crate) title: String,
    /// The `<p class="meta">` lines (publication date, kind of body, edition).
    pub(crate) metas: Vec<String>,
    /// The `<h2>` headings, each with what follows it up to the next.
    pub(crate) sections: Vec<(String, Vec<Item>)>,
}

/// What a section holds.
#[derive(Debug)]
pub(crate) enum Item {
    /// `<div class="text">`.
    Text(String),
    /// `<p class="remark">`, above or under a table.
    Remark(String),
    /// A `<table>` with its class (`t2`, `t3`, `t4`, `fees`).
    Table(String, Vec<Row>),
}

/// A `<tr>` with its class (`extra`, `remark`, or none).
#[derive(Debug)]
pub(crate) struct Row {
    pub(crate) class: String,
    pub(crate) cells: Vec<OwnCell>,
}

/// A `<td>` or `<th>`.
#[derive(Debug)]
pub(crate) struct OwnCell {
    pub(crate) header: bool,
    pub(crate) id: Option<String>,
    /// Its text, without the remark.
    pub(crate) text: String,
    /// The text of its `<span class="remark">`.
    pub(crate) remark: Option<String>,
}

/// Reads a page the crate wrote; `None` for any other page.
pub(crate) fn read(src: &str) -> Option<Own> {
    let tree = build(src);
    let html = tree
        .children(0)
        .find(|&c| tree.html_name(c) == Some(&local_name!("html")))?;
    let head = child(&tree, html, &local_name!("head"))?;
    let generated = tree.children(head).any(|c| {
        tree.html_name(c) == Some(&local_name!("meta"))
            && tree.attr(c, &local_name!("name")) == Some("generator")
            && tree.attr(c, &local_name!("content")) == Some(GENERATOR)
    });
    if !generated {
        return None;
    }
    let body = child(&tree, html, &local_name!("body"))?;
    let mut own = Own::default();
    for id in tree.children(body) {
        let Some(name) = tree.html_name(id) else {
            continue;
        };
        let class = tree.attr(id, &local_name!("class")).unwrap_or_default();
        let item = match (name, class) {
            (&local_name!("h1"), _) => {
                own.title = text(&tree, id);
                continue;
            }
            (&local_name!("p"), c) if c == CLASS_META => {
                own.metas.push(text(&tree, id));
                continue;
            }
            (&local_name!("h2"), _) => {
                own.sections.push((text(&tree, id), Vec::new()));
                continue;
            }
            (&local_name!("div"), c) if c == CLASS_TEXT => Item::Text(text(&tree, id)),
            (&local_name!("p"), c) if c == CLASS_REMARK => Item::Remark(text(&tree, id)),
            (&local_name!("table"), class) => Item::Table(class.to_owned(), rows(&tree, id)),
            // The list of marks.
            _ => continue,
        };
        own.sections.last_mut()?.1.push(item);
    }
    Some(own)
}

/// The first child of `id` named `name`.
fn child(tree: &Tree, id: usize, name: &LocalName) -> Option<usize> {
    tree.children(id).find(|&c| tree.html_name(c) == Some(name))
}

/// The text of every text node under `id`, in order, as the nodes hold it; `skip` leaves
/// out the `<span class="remark">` of a value cell.
fn collect(tree: &Tree, id: usize, skip_remark: bool, out: &mut String) {
    let mut stack = vec![id];
    while let Some(id) = stack.pop() {
        match tree.get(id).map(|n| &n.kind) {
            Some(Kind::Text(t)) => out.push_str(t),
            Some(Kind::Element { .. }) => {
                let remark = tree.html_name(id) == Some(&local_name!("span"))
                    && tree.attr(id, &local_name!("class")) == Some(CLASS_REMARK);
                if skip_remark && remark {
                    continue;
                }
                let children: Vec<usize> = tree.children(id).collect();
                stack.extend(children.into_iter().rev());
            }
            _ => {}
        }
    }
}

fn text(tree: &Tree, id: usize) -> String {
    let mut out = String::new();
    collect(tree, id, false, &mut out);
    out
}

/// The rows of a table, those of its `<thead>` and `<tbody>` in order.
fn rows(tree: &Tree, table: usize) -> Vec<Row> {
    let mut out = Vec::new();
    let mut trs = Vec::new();
    for c in tree.children(table) {
        match tree.html_name(c) {
            Some(&local_name!("tr")) => trs.push(c),
            Some(&local_name!("thead") | &local_name!("tbody") | &local_name!("tfoot")) => trs
                .extend(
                    tree.children(c)
                        .filter(|&r| tree.html_name(r) == Some(&local_name!("tr"))),
                ),
            _ => {}
        }
    }
    for tr in trs {
        let class = tree.attr(tr, &local_name!("class")).unwrap_or_default();
        let cells = tree
            .children(tr)
            .filter_map(|c| {
                let header = match *tree.html_name(c)? {
                    local_name!("th") => true,
                    local_name!("td") => false,
                    _ => return None,
                };
                let mut text = String::new();
                collect(tree, c, true, &mut text);
                let remark = tree.children(c).find(|&s| {
                    tree.html_name(s) == Some(&local_name!("span"))
                        && tree.attr(s, &local_name!("class")) == Some(CLASS_REMARK)
                });
                Some(OwnCell {
                    header,
                    id: tree.attr(c, &local_name!("id")).map(str::to_owned),
                    text,
                    remark: remark.map(|s| self::text(tree, s)),
                })
            })
            .collect();
        out.push(Row {
            class: class.to_owned(),
            cells,
        });
    }
    out
}
