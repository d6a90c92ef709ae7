//! The tree read as a browser lays it out: block-level text, data tables, metadata.

use html5ever::{LocalName, local_name};

use super::tree::{Kind, NONE, Tree};
use super::{Block, Document, Meta, Position, TextBlock, grid};

/// Reads the whole tree.
pub(super) fn read(tree: &Tree) -> Document {
    let mut reader = Reader {
        tree,
        holds_table: tables_inside(tree),
        metas: Vec::new(),
        title: None,
        scratch: Scratch::default(),
    };
    let mut blocks = Vec::new();
    reader.walk(0, &mut Out::Blocks(&mut blocks));
    Document {
        blocks,
        metas: reader.metas,
        title: reader.title,
        unparsed: 0,
    }
}

/// Whether an element is not shown: the `hidden` attribute, or an inline style of
/// `display: none`, `visibility: hidden` or Word's `mso-hide: all` (anti-copy scripts hide
/// digits inside numbers, Word hides text so).
fn is_hidden(tree: &Tree, id: usize) -> bool {
    if tree.attr(id, &local_name!("hidden")).is_some() {
        return true;
    }
    let Some(style) = tree.attr(id, &local_name!("style")) else {
        return false;
    };
    // Most styles hide nothing: only those naming a value that hides are looked into.
    let hides = |w: &str| {
        style
            .as_bytes()
            .windows(w.len())
            .any(|b| b.eq_ignore_ascii_case(w.as_bytes()))
    };
    if !(hides("none") || hides("hidden") || hides("mso-hide")) {
        return false;
    }
    let style: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    style.split(';').any(|d| {
        matches!(
            d.trim_end_matches("!important"),
            "display:none" | "visibility:hidden" | "mso-hide:all"
        )
    })
}

/// For each node, whether a `<table>` is inside it (a table is then a layout container).
/// Each table marks its ancestors up to the first one already marked, so every node is
/// marked once: linear however deep the nesting.
fn tables_inside(tree: &Tree) -> Vec<bool> {
    let mut marked = vec![false; tree.nodes.len()];
    for id in 0..tree.nodes.len() {
        if tree.html_name(id) != Some(&local_name!("table")) {
            continue;
        }
        let mut up = tree.get(id).map_or(NONE, |n| n.parent);
        while let Some(seen) = marked.get_mut(up) {
            if *seen {
                break;
            }
            *seen = true;
            up = tree.get(up).map_or(NONE, |n| n.parent);
        }
    }
    marked
}

/// How an element takes part in the layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Not shown: no text, nothing inside it read.
    Skip,
    /// `<br>`.
    Break,
    /// A `<table>`: a grid when no table is inside it, else a container of blocks.
    Table,
    /// Starts and ends a block.
    Block,
    /// A block that keeps its whitespace.
    Pre,
    /// `<sup>`, `<sub>`: inline, but apart from the text around it (a footnote mark `¹`
    /// after `57` is not the number's last digit).
    Apart,
    /// Adds nothing but its content.
    Inline,
    /// `<meta>`.
    Meta,
    /// `<title>`.
    Title,
}

/// The role of an element by its name.
fn role(name: &LocalName, html: bool) -> Role {
    if !html {
        // Inside <svg> or <math>: text is inline; scripts, styles and tooltips are not shown.
        return match *name {
            local_name!("script")
            | local_name!("style")
            | local_name!("title")
            | local_name!("desc")
            | local_name!("metadata") => Role::Skip,
            _ => Role::Inline,
        };
    }
    match *name {
        local_name!("script")
        | local_name!("style")
        | local_name!("noscript")
        | local_name!("template")
        | local_name!("iframe")
        | local_name!("noframes")
        | local_name!("frameset")
        | local_name!("select")
        | local_name!("input")
        | local_name!("object")
        | local_name!("embed")
        | local_name!("canvas")
        | local_name!("video")
        | local_name!("audio") => Role::Skip,
        local_name!("br") => Role::Break,
        local_name!("sup") | local_name!("sub") => Role::Apart,
        local_name!("table") => Role::Table,
        local_name!("pre")
        | local_name!("listing")
        | local_name!("xmp")
        | local_name!("plaintext")
        | local_name!("textarea") => Role::Pre,
        local_name!("meta") => Role::Meta,
        local_name!("title") => Role::Title,
        local_name!("address")
        | local_name!("article")
        | local_name!("aside")
        | local_name!("blockquote")
        | local_name!("body")
        | local_name!("caption")
        | local_name!("center")
        | local_name!("dd")
        | local_name!("details")
        | local_name!("dialog")
        | local_name!("dir")
        | local_name!("div")
        | local_name!("dl")
        | local_name!("dt")
        | local_name!("fieldset")
        | local_name!("figcaption")
        | local_name!("figure")
        | local_name!("footer")
        | local_name!("form")
        | local_name!("h1")
        | local_name!("h2")
        | local_name!("h3")
        | local_name!("h4")
        | local_name!("h5")
        | local_name!("h6")
        | local_name!("head")
        | local_name!("header")
        | local_name!("hgroup")
        | local_name!("hr")
        | local_name!("html")
        | local_name!("legend")
        | local_name!("li")
        | local_name!("main")
        | local_name!("menu")
        | local_name!("nav")
        | local_name!("ol")
        | local_name!("p")
        | local_name!("search")
        | local_name!("section")
        | local_name!("summary")
        | local_name!("tbody")
        | local_name!("td")
        | local_name!("tfoot")
        | local_name!("th")
        | local_name!("thead")
        | local_name!("tr")
        | local_name!("ul") => Role::Block,
        _ => Role::Inline,
    }
}

/// Where finished paragraphs go.
enum Out<'a> {
    /// Each paragraph is a block of the document.
    Blocks(&'a mut Vec<Block>),
    /// The paragraphs of a table cell, joined by `\n`.
    Cell(&'a mut String),
}

impl Out<'_> {
    fn flush(&mut self, run: &mut Run) {
        let Some(block) = run.finish() else {
            return;
        };
        match self {
            Out::Blocks(blocks) => blocks.push(Block::Text(block)),
            Out::Cell(text) => {
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(&block.text);
            }
        }
    }
}

/// One step of the walk.
#[derive(Debug, Clone, Copy)]
enum Step {
    Enter(usize),
    /// The end of a superscript or subscript: a gap after it.
    Apart,
    /// The end of a block (whether it keeps its whitespace).
    Exit {
        pre: bool,
    },
}

/// Walks the tree, collecting metadata on the way.
struct Reader<'t> {
    tree: &'t Tree,
    holds_table: Vec<bool>,
    metas: Vec<Meta>,
    title: Option<TextBlock>,
    /// The buffers of the last walk, kept for the next (one walk per table cell).
    scratch: Scratch,
}

/// The buffers of a walk.
#[derive(Debug, Default)]
struct Scratch {
    stack: Vec<Step>,
    blocks: Vec<Position>,
}

impl Reader<'_> {
    /// Reads the subtree of `root` into `out`, without recursion (a leaf table's cells are
    /// read by one nested call, which meets no table).
    fn walk(&mut self, root: usize, out: &mut Out<'_>) {
        let tree = self.tree;
        let mut run = Run::new();
        // The start tags of the open blocks: a paragraph is placed at the innermost.
        let Scratch {
            mut stack,
            mut blocks,
        } = std::mem::take(&mut self.scratch);
        stack.clear();
        blocks.clear();
        let mut pre = 0_usize;
        stack.push(Step::Enter(root));
        while let Some(step) = stack.pop() {
            let id = match step {
                Step::Enter(id) => id,
                Step::Apart => {
                    run.gap();
                    continue;
                }
                Step::Exit { pre: was_pre } => {
                    out.flush(&mut run);
                    blocks.pop();
                    if was_pre {
                        pre = pre.saturating_sub(1);
                    }
                    continue;
                }
            };
            let Some(node) = tree.get(id) else {
                continue;
            };
            let at = blocks.last().copied().unwrap_or(node.at);
            let (name, html) = match &node.kind {
                Kind::Text(text) => {
                    run.push_text(text, pre > 0, at);
                    continue;
                }
                Kind::Document => {
                    push_children(tree, id, &mut stack);
                    continue;
                }
                Kind::Other => continue,
                Kind::Element { name, html, .. } => (name, *html),
            };
            let role = match role(name, html) {
                // Not shown: an element hidden by its attribute or its inline style.
                _ if is_hidden(tree, id) => Role::Skip,
                Role::Table if self.holds_table.get(id).copied().unwrap_or(false) => Role::Block,
                Role::Table if matches!(out, Out::Cell(_)) => Role::Block,
                r => r,
            };
            match role {
                Role::Skip => {}
                Role::Break => run.line_break(at),
                Role::Inline => push_children(tree, id, &mut stack),
                Role::Apart => {
                    run.gap();
                    stack.push(Step::Apart);
                    push_children(tree, id, &mut stack);
                }
                Role::Meta => self.meta(id),
                Role::Title => self.title(id),
                Role::Table => {
                    out.flush(&mut run);
                    self.table(id, out);
                }
                Role::Block | Role::Pre => {
                    out.flush(&mut run);
                    blocks.push(node.at);
                    let is_pre = role == Role::Pre;
                    if is_pre {
                        pre += 1;
                    }
                    stack.push(Step::Exit { pre: is_pre });
                    push_children(tree, id, &mut stack);
                }
            }
        }
        out.flush(&mut run);
        self.scratch = Scratch { stack, blocks };
    }

    /// A data table: its captions as blocks, then its grid.
    fn table(&mut self, id: usize, out: &mut Out<'_>) {
        let tree = self.tree;
        for child in tree.children(id) {
            if tree.html_name(child) == Some(&local_name!("caption")) {
                self.walk(child, out);
            }
        }
        let grid = grid::build(tree, id, &mut |cell| {
            let mut text = String::new();
            self.walk(cell, &mut Out::Cell(&mut text));
            text
        });
        match out {
            Out::Blocks(blocks) => blocks.push(Block::Table(grid)),
            // Not reached: a table inside a cell is read as a container, never a grid.
            Out::Cell(_) => {}
        }
    }

    fn meta(&mut self, id: usize) {
        let tree = self.tree;
        if let Some(name) = tree.attr(id, &local_name!("name")) {
            self.metas.push(Meta {
                name: name.to_owned(),
                content: tree
                    .attr(id, &local_name!("content"))
                    .unwrap_or_default()
                    .to_owned(),
                at: tree.get(id).map_or(Position::START, |n| n.at),
            });
        }
    }

    fn title(&mut self, id: usize) {
        if self.title.is_some() {
            return;
        }
        let tree = self.tree;
        let at = tree.get(id).map_or(Position::START, |n| n.at);
        let mut raw = String::new();
        for child in tree.children(id) {
            if let Some(Kind::Text(text)) = tree.get(child).map(|n| &n.kind) {
                raw.push_str(text);
            }
        }
        // As `document.title`: ASCII whitespace stripped and collapsed to one space.
        let words: Vec<&str> = raw.split_ascii_whitespace().collect();
        self.title = Some(TextBlock {
            text: words.join(" "),
            at,
        });
    }
}

/// Pushes the children of `id` so that the first is popped first.
fn push_children(tree: &Tree, id: usize, stack: &mut Vec<Step>) {
    let mut child = tree.get(id).map_or(NONE, |n| n.last_child);
    while let Some(node) = tree.get(child) {
        stack.push(Step::Enter(child));
        child = node.prev;
    }
}

/// Whitespace pending between two words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    None,
    /// Spaces or tabs.
    Spaces,
    /// Whitespace with a line break in the source.
    LineBreak,
}

/// The text of the paragraph being read.
#[derive(Debug)]
struct Run {
    text: String,
    at: Option<Position>,
    space: Gap,
    /// At the start of a line: pending whitespace is dropped.
    line_start: bool,
    /// The last character, for the rule on line breaks between CJK characters.
    last: Option<char>,
    /// The text ends with the `\n` of a `<br>`.
    trailing_break: bool,
}

/// The ASCII whitespace that HTML collapses.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c)
}

/// Wide (East Asian Width F or W) characters other than Hangul, between which a line break
/// in the source shows as nothing (CSS Text 3, segment break transformation).
fn wide(c: char) -> bool {
    matches!(c,
        '\u{2e80}'..='\u{303e}'
        | '\u{3041}'..='\u{312f}'
        | '\u{3190}'..='\u{33ff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{a000}'..='\u{a4cf}'
        | '\u{f900}'..='\u{faff}'
        | '\u{fe10}'..='\u{fe19}'
        | '\u{fe30}'..='\u{fe6f}'
        | '\u{ff00}'..='\u{ff60}'
        | '\u{ffe0}'..='\u{ffe6}'
        | '\u{20000}'..='\u{2fffd}'
        | '\u{30000}'..='\u{3fffd}')
}

impl Run {
    fn new() -> Self {
        Self {
            text: String::new(),
            at: None,
            space: Gap::None,
            line_start: true,
            last: None,
            trailing_break: false,
        }
    }

    /// Adds the text of a text node; `pre` keeps its whitespace.
    fn push_text(&mut self, text: &str, pre: bool, at: Position) {
        if pre {
            if !text.is_empty() {
                self.push_word(text, at);
                self.line_start = text.ends_with('\n');
            }
            return;
        }
        let mut rest = text;
        while !rest.is_empty() {
            let spaces = rest.bytes().take_while(|&b| is_space(b)).count();
            if spaces > 0 {
                let (white, after) = rest.split_at(spaces);
                let kind = if white.bytes().any(|b| b == b'\n' || b == b'\r') {
                    Gap::LineBreak
                } else {
                    Gap::Spaces
                };
                self.space = self.space.max(kind);
                rest = after;
                continue;
            }
            // Whitespace is ASCII, so the split is on a character boundary.
            let word = rest.bytes().take_while(|&b| !is_space(b)).count();
            let (word, after) = rest.split_at(word);
            self.push_word(word, at);
            rest = after;
        }
    }

    /// Adds text with no collapsible whitespace, after the pending space if it shows.
    fn push_word(&mut self, word: &str, at: Position) {
        if !self.line_start && self.space != Gap::None {
            let joined = self.space == Gap::LineBreak
                && self.last.is_some_and(wide)
                && word.chars().next().is_some_and(wide);
            if !joined {
                self.text.push(' ');
            }
        }
        self.space = Gap::None;
        self.text.push_str(word);
        self.line_start = false;
        self.last = word.chars().next_back();
        self.trailing_break = false;
        self.at.get_or_insert(at);
    }

    /// A gap that shows as a space between two words (none at a line's start).
    fn gap(&mut self) {
        self.space = self.space.max(Gap::Spaces);
    }

    /// A `<br>`.
    fn line_break(&mut self, at: Position) {
        self.text.push('\n');
        self.space = Gap::None;
        self.line_start = true;
        self.last = None;
        self.trailing_break = true;
        self.at.get_or_insert(at);
    }

    /// The paragraph read so far, if it has text, and a fresh start.
    fn finish(&mut self) -> Option<TextBlock> {
        let mut run = std::mem::replace(self, Self::new());
        if run.trailing_break {
            // A <br> that ends a block ends its line and starts none.
            run.text.pop();
        }
        if run.text.is_empty() {
            return None;
        }
        Some(TextBlock {
            text: run.text,
            at: run.at.unwrap_or(Position::START),
        })
    }
}
