//! Published report pages as HTML: the bytes decoded, the markup read the way a browser
//! reads it, and the page reduced to what an importer needs — text blocks and table grids
//! in document order, each with its place in the source.
//!
//! # Bytes
//!
//! [`decode()`] picks the encoding as a browser does without HTTP headers: a byte-order
//! mark; else a charset declared by a `<meta>` in the first 4 KiB (labels resolved by the
//! WHATWG Encoding Standard, so `gb2312` reads as GBK); else UTF-8 when the bytes are
//! UTF-8; else GB18030, said to be a guess. A page that declares a legacy charset but whose
//! bytes are UTF-8 with non-ASCII text is read as UTF-8 and says so. Malformed sequences
//! become U+FFFD and are counted.
//!
//! # Markup
//!
//! [`parse()`] runs html5ever's tree builder, the WHATWG algorithm browsers run: unclosed
//! `<p>`, `<td>` and `<tr>` close where a browser closes them, a table missing `</table>`
//! ends where a browser ends it, text and elements misplaced inside a table are moved
//! before it, entities are decoded, `<script>`, `<style>` and `<noscript>` hold raw text.
//! The tree is then read as follows.
//!
//! - **Ignored**: elements hidden by the `hidden` attribute or an inline `display: none`,
//!   `visibility: hidden` or `mso-hide: all` (anti-copy scripts hide digits inside numbers,
//!   Word hides text so); `<head>` content other than `<meta>` and `<title>`, `<script>`, `<style>`,
//!   `<noscript>`, `<template>`, `<iframe>`, `<noframes>`, `<select>`, form inputs (hidden
//!   ones included), comments and conditional comments (`<!--[if gte mso 9]>`).
//! - **Text blocks**: every block-level element (`<p>`, `<div>`, `<h1>`–`<h6>`, `<li>`,
//!   `<blockquote>`, `<section>`, `<center>`, …, and the cells of a layout table) starts a
//!   new block, and so does the text after it inside its parent. A block's text is its
//!   inline content joined as a browser shows it: inline elements (`<span>`, `<font>`,
//!   `<o:p>`, `<a>`, any unknown or namespaced tag) add nothing, so `三<span>、本</span>年`
//!   is `三、本年`, but `<sup>` and `<sub>` stand apart from the text around them (a
//!   footnote mark after `57` is not its last digit); `<br>` is `\n` (one `<br>` at the end
//!   of a block adds no line); runs of
//!   ASCII whitespace collapse to one space and vanish at the start and end of a line;
//!   a line break in the source between two CJK characters vanishes (the CSS Text rule
//!   Firefox applies); U+00A0 (`&nbsp;`) and U+3000 stay as they are; `<pre>` keeps its
//!   whitespace. Blocks with no text are left out. A block is placed at the start tag of
//!   the element whose text it is.
//! - **Tables**: a `<table>` with no `<table>` inside it is a data table, read into a
//!   [`Grid`]. A `<table>` that holds another table is a *layout container* (CMS pages
//!   wrap whole articles in one): it gives no grid; its cells' content is read as blocks,
//!   in document order, and the tables inside it are read by the same rule. A table's
//!   `<caption>` is a text block just before its grid.
//! - **Metadata**: every `<meta name=… content=…>` and the first `<title>` (its whitespace
//!   collapsed as `document.title` collapses it), wherever they are, with their positions
//!   ([`Document::metas`], [`Document::title`]).
//!
//! # Grids
//!
//! Rows are the `<tr>` of the table's `<thead>`, `<tbody>` (any number), `<tfoot>` and
//! those directly under `<table>`, in document order. Each `<td>` or `<th>` takes the
//! first free slot of its row, as the HTML table model places cells; `rowspan` and
//! `colspan` are expanded so that each slot a cell covers names it. Spans are read as
//! browsers read them: `colspan` is an integer clamped to 1..=1000 (`0`, `-1` and garbage
//! are 1); `rowspan` is clamped to the rows left in the cell's row group (`0` means to the
//! end of the group; `100000` allocates no more rows than the group has; garbage is 1).
//! Two cells cannot share a slot: the earlier keeps it. Rows shorter than the widest are
//! padded with empty slots, never with invented cells. A grid never grows beyond
//! [`MAX_COLUMNS`] columns or [`MAX_SLOTS`] slot visits: cells past either limit are left
//! out and counted in [`Grid::dropped`], never silently.
//!
//! # Positions
//!
//! Every block, cell, meta and title carries a [`Position`]: the 1-based line and column
//! (in characters) and the byte offset of its element's start tag in the parsed text. An
//! element the parser implied (a missing `<tbody>` or `<body>`) is placed at the token
//! that made the parser imply it.
//!
//! # Limits
//!
//! Parsing is linear in the page for real pages. The tree is walked without recursion,
//! so 10,000 nested elements are no deeper on the stack than one. After 256 formatting
//! elements (`<font>`, `<b>`, `<a>`, …) are left open, further formatting start tags are
//! dropped before the tree builder sees them: the builder compares each new one with every
//! open one, which made 100,000 unclosed `<font size=N>` (1.8 MB) take minutes, and a
//! formatting element only wraps text inline, which changes no block and no cell. Each
//! start tag makes the tree builder look through the open elements (the spec's "in scope"
//! checks), so the depth is capped as browsers cap it: past 1,024 nested elements, start
//! tags other than a table's are dropped (the tree's own depth, kept on each node, tells),
//! and their text is kept in the element they would have wrapped; 10,000 nested
//! `<ul><li>` took 13 s before. A table is a scope boundary, so tables nested deep cost
//! little and keep every tag. A page over 4 GiB is
//! parsed up to that size and [`Document::unparsed`] says how many bytes were left.

mod decode;
mod flow;
mod grid;
pub(crate) mod own;
mod tree;

#[cfg(test)]
mod tests;

pub(crate) use decode::{EncodingSource, decode};
pub(crate) use grid::Grid;

/// A place in the HTML source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Position {
    /// The 1-based line (lines end at `\n`).
    pub(crate) line: usize,
    /// The 1-based column: the characters before it on its line, plus one.
    pub(crate) column: usize,
    /// The 0-based byte offset.
    pub(crate) offset: usize,
}

impl Position {
    /// The start of the page.
    pub(crate) const START: Self = Self {
        line: 1,
        column: 1,
        offset: 0,
    };
}

/// A page read into blocks, with its metadata.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Document {
    /// The text blocks and data tables, in document order.
    pub(crate) blocks: Vec<Block>,
    /// The `<meta name=… content=…>` pairs, in document order.
    pub(crate) metas: Vec<Meta>,
    /// The text of the first `<title>`, whitespace collapsed.
    pub(crate) title: Option<TextBlock>,
    /// Bytes at the end of a page over 4 GiB that were not parsed (0 otherwise).
    pub(crate) unparsed: usize,
}

/// A text block or a data table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Block {
    /// Block-level text.
    Text(TextBlock),
    /// A data table (a table with no table inside it).
    Table(Grid),
}

/// The visible text of a block and where its element starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TextBlock {
    /// The text as a browser shows it (see the module docs); `<br>` is `\n`.
    pub(crate) text: String,
    /// The start tag of the element whose text this is.
    pub(crate) at: Position,
}

/// A `<meta name=… content=…>` pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Meta {
    /// The `name` attribute as written.
    pub(crate) name: String,
    /// The `content` attribute as written (empty when missing).
    pub(crate) content: String,
    /// The start tag.
    pub(crate) at: Position,
}

impl Document {
    /// The content of the first `<meta>` named `name` (ASCII case-insensitively).
    #[cfg(test)]
    pub(crate) fn meta(&self, name: &str) -> Option<&str> {
        self.metas
            .iter()
            .find(|m| m.name.trim().eq_ignore_ascii_case(name))
            .map(|m| m.content.as_str())
    }
}

/// Reads an HTML page into text blocks and table grids (see the module docs).
pub(crate) fn parse(html: &str) -> Document {
    let mut cut = html.len().min(tree::MAX_INPUT);
    while !html.is_char_boundary(cut) {
        cut -= 1;
    }
    let parsed = html.get(..cut).unwrap_or_default();
    let tree = tree::build(parsed);
    let mut document = flow::read(&tree);
    document.unparsed = html.len() - parsed.len();
    document
}

/// Parses a page and reduces the result to a number, for the `html` bench (through
/// `crate::__bench::html_parse`).
#[must_use]
pub(crate) fn bench_parse(html: &str) -> usize {
    let document = parse(html);
    document
        .blocks
        .iter()
        .map(|b| match b {
            Block::Text(t) => t.text.len(),
            Block::Table(g) => g.cells.len(),
        })
        .sum()
}
