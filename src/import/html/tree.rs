//! The page as a browser builds it: html5ever's tree builder (the WHATWG algorithm:
//! implied end tags, foster parenting, the adoption agency) writing into an arena, and the
//! source position of every element's start tag.
//!
//! html5ever reports only line numbers. The byte offset of each start tag is found by
//! feeding the tokenizer the page in pieces that each end just after a `>`: a tag, a
//! comment or a doctype is emitted while the piece that holds its closing `>` is fed, so
//! the driver knows where every such token ends. A start tag begins at the first `<` that
//! is followed by an ASCII letter after the end of the previous tag, comment or doctype:
//! between two such tokens there is only character data, where `<` and a letter always
//! open a tag (raw text such as `<title>a<b>` is closed by an end tag, which is a token,
//! before any later start tag). The one exception is a `<![CDATA[` section inside
//! `<svg>` or `<math>` holding `<x`: a later start tag can then be placed at that text.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use html5ever::{Attribute, LocalName, QualName, TokenizerResult, local_name, ns};

use super::Position;

/// No node: the end of a sibling list, or no parent.
pub(super) const NONE: usize = usize::MAX;

/// One node of the page.
#[derive(Debug)]
pub(super) struct Node {
    pub(super) parent: usize,
    pub(super) first_child: usize,
    pub(super) last_child: usize,
    pub(super) prev: usize,
    pub(super) next: usize,
    pub(super) kind: Kind,
    /// How many ancestors it had when it was last appended (capped, see [`MAX_DEPTH`]).
    pub(super) depth: u32,
    /// Where the start tag that made this node begins (for an element the parser implied,
    /// such as `<tbody>` or a missing `<body>`, the token that made the parser imply it).
    pub(super) at: Position,
}

/// What a node is; comments, doctypes and processing instructions are all `Other`.
#[derive(Debug)]
pub(super) enum Kind {
    Document,
    Element {
        name: LocalName,
        /// In the HTML namespace (not inside `<svg>` or `<math>`).
        html: bool,
        attrs: Vec<Attribute>,
    },
    Text(String),
    Other,
}

/// The built page: node 0 is the document.
#[derive(Debug)]
pub(super) struct Tree {
    pub(super) nodes: Vec<Node>,
}

impl Tree {
    /// The node `id`, if there is one.
    pub(super) fn get(&self, id: usize) -> Option<&Node> {
        self.nodes.get(id)
    }

    /// The element name of `id` when it is an HTML element.
    pub(super) fn html_name(&self, id: usize) -> Option<&LocalName> {
        match &self.get(id)?.kind {
            Kind::Element {
                name, html: true, ..
            } => Some(name),
            _ => None,
        }
    }

    /// The value of attribute `name` of element `id`.
    pub(super) fn attr(&self, id: usize, name: &LocalName) -> Option<&str> {
        match &self.get(id)?.kind {
            Kind::Element { attrs, .. } => attrs
                .iter()
                .find(|a| a.name.ns == ns!() && a.name.local == *name)
                .map(|a| &*a.value),
            _ => None,
        }
    }

    /// The children of `id`, first to last.
    pub(super) fn children(&self, id: usize) -> Children<'_> {
        Children {
            tree: self,
            next: self.get(id).map_or(NONE, |n| n.first_child),
        }
    }
}

/// The children of a node, first to last.
#[derive(Debug)]
pub(super) struct Children<'t> {
    tree: &'t Tree,
    next: usize,
}

impl Iterator for Children<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let id = self.next;
        self.next = self.tree.get(id)?.next;
        Some(id)
    }
}

/// The largest page html5ever can take: its buffers count bytes in `u32`.
pub(super) const MAX_INPUT: usize = u32::MAX as usize;

/// Builds the tree of `src`, which is at most [`MAX_INPUT`] bytes (the caller cuts it).
pub(super) fn build(src: &str) -> Tree {
    let sink = Sink::new(src);
    let opts = TreeBuilderOpts {
        drop_doctype: true,
        ..TreeBuilderOpts::default()
    };
    let driver = Driver {
        builder: TreeBuilder::new(sink, opts),
        src,
        piece_end: Cell::new(0),
        last_end: Cell::new(0),
        formatting: Cell::new(0),
    };
    let tokenizer = Tokenizer::new(driver, TokenizerOpts::default());
    let whole = StrTendril::from_slice(src);
    let queue = BufferQueue::default();
    let bytes = src.as_bytes();
    let mut start = 0;
    let ends = piece_ends(bytes).chain(std::iter::once(bytes.len()));
    for end in ends {
        if end <= start {
            continue;
        }
        let (Ok(offset), Ok(length)) = (u32::try_from(start), u32::try_from(end - start)) else {
            break;
        };
        // Pieces end just after an ASCII `>`, so they are whole UTF-8 sequences.
        let Ok(piece) = whole.try_subtendril(offset, length) else {
            break;
        };
        tokenizer.sink.piece_end.set(end);
        queue.push_back(piece);
        // A script end tag pauses the tokenizer for the script to run; nothing runs here.
        while !matches!(tokenizer.feed(&queue), TokenizerResult::Done) {}
        start = end;
    }
    tokenizer.sink.piece_end.set(bytes.len());
    tokenizer.end();
    tokenizer.sink.builder.sink.finish_tree()
}

/// The offsets just after each `>` of the page.
fn piece_ends(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b'>')
        .map(|(i, _)| i + 1)
}

/// Sits between the tokenizer and the tree builder to see every token with the place its
/// piece of input ends.
struct Driver<'s> {
    builder: TreeBuilder<Handle, Sink<'s>>,
    src: &'s str,
    /// The end of the piece being fed (one past its `>`).
    piece_end: Cell<usize>,
    /// The end of the last tag, comment or doctype.
    last_end: Cell<usize>,
    /// Formatting start tags passed on less formatting end tags: about the length of the
    /// tree builder's list of active formatting elements.
    formatting: Cell<usize>,
}

/// The most formatting elements left open before further formatting start tags are
/// dropped. The tree builder compares each new one with those in its list (the "Noah's
/// Ark" clause), so 100,000 unclosed `<font size=N>` with distinct attributes take it
/// minutes; past this many, a `<font>` or `<b>` more only wraps text in another inline
/// element, which adds nothing to blocks or cells.
const MAX_FORMATTING: usize = 256;

/// The deepest an element is nested before further start tags are dropped. For many
/// start tags the tree builder looks through its whole stack of open elements (is a `<p>`
/// open in button scope? an `<li>`?), so 10,000 nested `<ul><li>` take it seconds and
/// 100,000 minutes; real pages nest a few dozen deep, and past this depth an element more
/// (but a table's) only wraps the text in another, which is kept in the one it would
/// have wrapped.
const MAX_DEPTH: usize = 1024;

/// The elements of a table's structure. A table is a boundary of the scopes the tree
/// builder looks through, so tables nested deep cost it little, and their tags are never
/// dropped.
fn is_table_part(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("table")
            | local_name!("caption")
            | local_name!("colgroup")
            | local_name!("col")
            | local_name!("thead")
            | local_name!("tbody")
            | local_name!("tfoot")
            | local_name!("tr")
            | local_name!("td")
            | local_name!("th")
    )
}

/// The HTML formatting elements: the ones the tree builder reopens and lists.
fn is_formatting(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("a")
            | local_name!("b")
            | local_name!("big")
            | local_name!("code")
            | local_name!("em")
            | local_name!("font")
            | local_name!("i")
            | local_name!("nobr")
            | local_name!("s")
            | local_name!("small")
            | local_name!("strike")
            | local_name!("strong")
            | local_name!("tt")
            | local_name!("u")
    )
}

impl TokenSink for Driver<'_> {
    type Handle = Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<Handle> {
        let end = self.piece_end.get();
        match &token {
            Token::TagToken(tag) => {
                let from = self.last_end.replace(end);
                let formatting = is_formatting(&tag.name);
                if tag.kind == TagKind::EndTag {
                    if formatting {
                        self.formatting.set(self.formatting.get().saturating_sub(1));
                    }
                } else {
                    if self.builder.sink.depth.get() >= MAX_DEPTH && !is_table_part(&tag.name) {
                        return TokenSinkResult::Continue;
                    }
                    if formatting {
                        if self.formatting.get() >= MAX_FORMATTING {
                            return TokenSinkResult::Continue;
                        }
                        self.formatting.set(self.formatting.get() + 1);
                    }
                    self.builder
                        .sink
                        .current
                        .set(tag_start(self.src, from, end));
                }
            }
            Token::CommentToken(_) | Token::DoctypeToken(_) => self.last_end.set(end),
            // Text begins where the last markup ended: an element the parser creates for it
            // (a missing `<body>`, a formatting element reopened) is placed there.
            Token::CharacterTokens(_) | Token::NullCharacterToken => {
                self.builder.sink.current.set(self.last_end.get());
            }
            Token::EOFToken | Token::ParseError(_) => {}
        }
        self.builder.process_token(token, line_number)
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// The offset of the `<` of the start tag that ends at `end`, where the previous markup
/// token ended at `from`: the first `<` followed by an ASCII letter.
fn tag_start(src: &str, from: usize, end: usize) -> usize {
    let bytes = src.as_bytes();
    let window = bytes.get(from..end).unwrap_or_default();
    window
        .windows(2)
        .position(|w| w[0] == b'<' && w[1].is_ascii_alphabetic())
        .map_or(from, |i| from + i)
}

/// A node as the tree builder holds it: its index and, for an element, its name (kept in
/// the handle so that [`TreeSink::elem_name`] borrows nothing from the arena).
#[derive(Clone)]
struct Handle(Rc<(usize, QualName)>);

impl Handle {
    fn id(&self) -> usize {
        self.0.0
    }
}

/// Turns byte offsets into lines and columns, moving forward through the page.
struct Locator<'s> {
    src: &'s str,
    at: Position,
}

impl Locator<'_> {
    /// The position of byte `offset` (clamped to the page, moved back to a character
    /// boundary).
    fn locate(&mut self, offset: usize) -> Position {
        let mut offset = offset.min(self.src.len());
        while !self.src.is_char_boundary(offset) {
            offset -= 1;
        }
        if offset < self.at.offset {
            // Never happens for tokens in order; start again from the top if it does.
            self.at = Position::START;
        }
        let between = self.src.get(self.at.offset..offset).unwrap_or_default();
        let (line, column) = match between.bytes().rposition(|b| b == b'\n') {
            Some(nl) => (
                self.at.line + between.bytes().filter(|&b| b == b'\n').count(),
                between.get(nl + 1..).unwrap_or_default().chars().count() + 1,
            ),
            None => (self.at.line, self.at.column + between.chars().count()),
        };
        self.at = Position {
            line,
            column,
            offset,
        };
        self.at
    }
}

/// The arena the tree builder writes into.
struct Sink<'s> {
    nodes: RefCell<Vec<Node>>,
    /// Template element → its contents (a fragment outside the tree, never read).
    templates: RefCell<BTreeMap<usize, usize>>,
    /// The start offset of the token being processed.
    current: Cell<usize>,
    locator: RefCell<Locator<'s>>,
    document: Handle,
    /// How deep the element last appended stands (its ancestors, up to [`MAX_DEPTH`]):
    /// about the depth of the tree builder's stack of open elements.
    depth: Cell<usize>,
}

impl<'s> Sink<'s> {
    fn new(src: &'s str) -> Self {
        let document = Node {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev: NONE,
            next: NONE,
            kind: Kind::Document,
            depth: 0,
            at: Position::START,
        };
        Self {
            // Real pages have a node for every 20 to 40 bytes.
            nodes: RefCell::new({
                let mut nodes = Vec::with_capacity(src.len() / 32 + 1);
                nodes.push(document);
                nodes
            }),
            templates: RefCell::new(BTreeMap::new()),
            current: Cell::new(0),
            depth: Cell::new(0),
            locator: RefCell::new(Locator {
                src,
                at: Position::START,
            }),
            document: Handle(Rc::new((0, no_name()))),
        }
    }

    fn finish_tree(self) -> Tree {
        Tree {
            nodes: self.nodes.into_inner(),
        }
    }

    /// Adds a node with no parent; an element is placed at the current position (text and
    /// comments need no place: a block is placed at its element).
    fn add(&self, kind: Kind) -> usize {
        let at = match kind {
            Kind::Element { .. } => self.locator.borrow_mut().locate(self.current.get()),
            _ => Position::START,
        };
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev: NONE,
            next: NONE,
            kind,
            depth: 0,
            at,
        });
        nodes.len() - 1
    }

    fn handle(&self, kind: Kind, name: QualName) -> Handle {
        Handle(Rc::new((self.add(kind), name)))
    }

    /// Appends text to `parent`, joined to its last child when that is text.
    fn append_text(&self, parent: usize, text: &str) {
        let last = self
            .nodes
            .borrow()
            .get(parent)
            .map_or(NONE, |n| n.last_child);
        if let Some(Node {
            kind: Kind::Text(t),
            ..
        }) = self.nodes.borrow_mut().get_mut(last)
        {
            t.push_str(text);
            return;
        }
        let id = self.add(Kind::Text(text.to_owned()));
        link(&mut self.nodes.borrow_mut(), parent, id, NONE);
    }

    /// Inserts text before `sibling`, joined to the text before it if any.
    fn insert_text_before(&self, sibling: usize, text: &str) {
        let (parent, prev) = self
            .nodes
            .borrow()
            .get(sibling)
            .map_or((NONE, NONE), |n| (n.parent, n.prev));
        if parent == NONE {
            return;
        }
        if let Some(Node {
            kind: Kind::Text(t),
            ..
        }) = self.nodes.borrow_mut().get_mut(prev)
        {
            t.push_str(text);
            return;
        }
        let id = self.add(Kind::Text(text.to_owned()));
        link(&mut self.nodes.borrow_mut(), parent, id, sibling);
    }
}

/// The name of a node that is not an element.
fn no_name() -> QualName {
    QualName::new(None, ns!(), local_name!(""))
}

/// Links the parentless `child` under `parent`, before `before` (or last when `NONE`).
fn link(nodes: &mut [Node], parent: usize, child: usize, before: usize) {
    let prev = if before == NONE {
        nodes.get(parent).map_or(NONE, |n| n.last_child)
    } else {
        nodes.get(before).map_or(NONE, |n| n.prev)
    };
    if let Some(n) = nodes.get_mut(child) {
        n.parent = parent;
        n.prev = prev;
        n.next = before;
    }
    match nodes.get_mut(prev) {
        Some(p) => p.next = child,
        None => {
            if let Some(p) = nodes.get_mut(parent) {
                p.first_child = child;
            }
        }
    }
    match nodes.get_mut(before) {
        Some(b) => b.prev = child,
        None => {
            if let Some(p) = nodes.get_mut(parent) {
                p.last_child = child;
            }
        }
    }
}

/// Takes `child` out of its parent's children.
fn unlink(nodes: &mut [Node], child: usize) {
    let Some((parent, prev, next)) = nodes.get(child).map(|n| (n.parent, n.prev, n.next)) else {
        return;
    };
    if parent == NONE {
        return;
    }
    match nodes.get_mut(prev) {
        Some(p) => p.next = next,
        None => {
            if let Some(p) = nodes.get_mut(parent) {
                p.first_child = next;
            }
        }
    }
    match nodes.get_mut(next) {
        Some(n) => n.prev = prev,
        None => {
            if let Some(p) = nodes.get_mut(parent) {
                p.last_child = prev;
            }
        }
    }
    if let Some(n) = nodes.get_mut(child) {
        n.parent = NONE;
        n.prev = NONE;
        n.next = NONE;
    }
}

impl TreeSink for Sink<'_> {
    type Handle = Handle;
    type Output = Self;
    type ElemName<'a>
        = &'a QualName
    where
        Self: 'a;

    fn finish(self) -> Self {
        self
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        self.document.clone()
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> &'a QualName {
        &target.0.1
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        let kind = Kind::Element {
            name: name.local.clone(),
            html: name.ns == ns!(html),
            attrs,
        };
        let handle = self.handle(kind, name);
        if flags.template {
            let contents = self.add(Kind::Other);
            self.templates.borrow_mut().insert(handle.id(), contents);
        }
        handle
    }

    fn create_comment(&self, _text: StrTendril) -> Handle {
        self.handle(Kind::Other, no_name())
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Handle {
        self.handle(Kind::Other, no_name())
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        match child {
            NodeOrText::AppendNode(node) => {
                let mut nodes = self.nodes.borrow_mut();
                unlink(&mut nodes, node.id());
                link(&mut nodes, parent.id(), node.id(), NONE);
                let depth = nodes
                    .get(parent.id())
                    .map_or(0, |p| p.depth.saturating_add(1));
                if let Some(n) = nodes.get_mut(node.id()) {
                    n.depth = depth;
                }
                self.depth.set(usize::try_from(depth).unwrap_or(usize::MAX));
            }
            NodeOrText::AppendText(text) => self.append_text(parent.id(), &text),
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        let has_parent = self
            .nodes
            .borrow()
            .get(element.id())
            .is_some_and(|n| n.parent != NONE);
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &Handle) -> Handle {
        let contents = self.templates.borrow().get(&target.id()).copied();
        // The builder asks only for templates; anything else gets a fresh detached node.
        let id = contents.unwrap_or_else(|| self.add(Kind::Other));
        Handle(Rc::new((id, no_name())))
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        x.id() == y.id()
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        match new_node {
            NodeOrText::AppendNode(node) => {
                let mut nodes = self.nodes.borrow_mut();
                let parent = nodes.get(sibling.id()).map_or(NONE, |n| n.parent);
                if parent != NONE {
                    unlink(&mut nodes, node.id());
                    link(&mut nodes, parent, node.id(), sibling.id());
                }
            }
            NodeOrText::AppendText(text) => self.insert_text_before(sibling.id(), &text),
        }
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        if let Some(Node {
            kind: Kind::Element { attrs: have, .. },
            ..
        }) = self.nodes.borrow_mut().get_mut(target.id())
        {
            for attr in attrs {
                if !have.iter().any(|a| a.name == attr.name) {
                    have.push(attr);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Handle) {
        unlink(&mut self.nodes.borrow_mut(), target.id());
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        let mut nodes = self.nodes.borrow_mut();
        let mut child = nodes.get(node.id()).map_or(NONE, |n| n.first_child);
        while child != NONE {
            let next = nodes.get(child).map_or(NONE, |n| n.next);
            unlink(&mut nodes, child);
            link(&mut nodes, new_parent.id(), child, NONE);
            child = next;
        }
    }
}
