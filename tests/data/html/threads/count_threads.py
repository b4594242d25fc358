#!/usr/bin/env python3
"""Helper to COUNT the reader-comment threads of the saved pages in this folder.

This script only helps a human count: it is NOT Veille's comment reader and it
is not part of the test.  For each page it walks a DOM built with Python's
stdlib html.parser (with the usual HTML5 implicit end tags for p/li/dd/dt/td/tr),
finds the comment containers with a per-page rule written by hand after reading
the page source, and prints each comment (author, parent, own text) so that a
human can check it.  With --json it also drafts the "probes" of expected.json
(1-3 words of each comment's own text that occur nowhere else in the page text).

Every number and every probe in expected.json was then checked by eye against
the page source; where the page is ambiguous, SOURCE.md says so.

Usage:
    python3 count_threads.py                 # human-readable dump of every page
    python3 count_threads.py FILE.html ...   # dump some pages
    python3 count_threads.py --json > draft.json
    python3 count_threads.py --check         # compare with expected.json
"""
import json
import os
import re
import sys
from collections import Counter
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))

# --------------------------------------------------------------------------
# A small tolerant DOM
# --------------------------------------------------------------------------
VOID = {'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link',
        'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'command',
        'basefont', 'bgsound', 'frame'}
P_CLOSERS = {'address', 'article', 'aside', 'blockquote', 'center', 'details',
             'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption', 'figure',
             'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
             'hgroup', 'hr', 'main', 'menu', 'nav', 'ol', 'p', 'pre',
             'section', 'summary', 'table', 'ul', 'li', 'dd', 'dt'}
SKIP_TEXT = {'script', 'style', 'noscript', 'template', 'svg'}
BLOCK = {'p', 'div', 'li', 'br', 'td', 'dd', 'dt', 'blockquote', 'h1', 'h2',
         'h3', 'h4', 'h5', 'h6', 'article', 'section', 'header', 'footer',
         'ul', 'ol', 'tr', 'pre', 'cite', 'time'}


class Node:
    __slots__ = ('tag', 'attrs', 'children', 'parent', 'line')

    def __init__(self, tag, attrs, parent, line=0):
        self.tag, self.attrs, self.children = tag, dict(attrs), []
        self.parent, self.line = parent, line

    def cls(self):
        return (self.attrs.get('class') or '').split()

    def id(self):
        return self.attrs.get('id') or ''

    def iter(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.iter()

    def ancestors(self):
        p = self.parent
        while p is not None:
            yield p
            p = p.parent

    def find(self, pred, stop=None):
        """Descendants matching pred; never enters a node for which stop() is true."""
        for c in self.children:
            if isinstance(c, Node):
                if stop and stop(c):
                    continue
                if pred(c):
                    yield c
                else:
                    yield from c.find(pred, stop)

    def text(self, stop=None):
        out = []

        def rec(n):
            for c in n.children:
                if isinstance(c, str):
                    out.append(c)
                elif c.tag in SKIP_TEXT or (stop and stop(c)):
                    continue
                else:
                    if c.tag in BLOCK:
                        out.append(' ')
                    rec(c)
                    if c.tag in BLOCK:
                        out.append(' ')
        rec(self)
        return re.sub(r'\s+', ' ', ''.join(out)).strip()


SPECIAL = {'address', 'applet', 'area', 'article', 'aside', 'base', 'basefont',
           'bgsound', 'blockquote', 'body', 'br', 'button', 'caption', 'center',
           'col', 'colgroup', 'dd', 'details', 'dir', 'div', 'dl', 'dt', 'embed',
           'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frame',
           'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header',
           'hgroup', 'hr', 'html', 'iframe', 'img', 'input', 'keygen', 'li',
           'link', 'listing', 'main', 'marquee', 'menu', 'meta', 'nav',
           'noembed', 'noframes', 'noscript', 'object', 'ol', 'p', 'param',
           'plaintext', 'pre', 'script', 'search', 'section', 'select', 'source',
           'style', 'summary', 'table', 'tbody', 'td', 'template', 'textarea',
           'tfoot', 'th', 'thead', 'title', 'tr', 'track', 'ul', 'wbr', 'xmp'}
SCOPE = {'applet', 'caption', 'html', 'table', 'td', 'th', 'marquee', 'object',
         'template'}
HEADINGS = {'h1', 'h2', 'h3', 'h4', 'h5', 'h6'}


class TreeBuilder(HTMLParser):
    """html.parser + the main HTML5 tree-construction rules that matter for
    comment threads: implicit end of p/li/dd/dt/td/tr, end tags only honoured
    when the element is "in scope" (a stray </li> or </div> is ignored, as a
    browser does), and "any other end tag" stopping at special elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node('#root', {}, None)
        self.stack = [self.root]

    def _in_scope(self, names, extra=()):
        for i in range(len(self.stack) - 1, 0, -1):
            t = self.stack[i].tag
            if t in names:
                return i
            if t in SCOPE or t in extra:
                return None
        return None

    def _close_from(self, i):
        del self.stack[i:]

    def _implicit_end(self, tag):
        st = self.stack
        if tag in P_CLOSERS or tag in HEADINGS:
            i = self._in_scope({'p'}, extra=('button',))
            if i is not None:
                self._close_from(i)
        if tag in HEADINGS and st[-1].tag in HEADINGS:
            st.pop()
        if tag in ('li', 'dd', 'dt'):
            want = ('li',) if tag == 'li' else ('dd', 'dt')
            for i in range(len(st) - 1, 0, -1):
                t = st[i].tag
                if t in want:
                    self._close_from(i)
                    break
                if t in SPECIAL and t not in ('address', 'div', 'p'):
                    break
        if tag in ('td', 'th', 'tr'):
            stop = ('table',) if tag == 'tr' else ('tr', 'table')
            want = ('tr',) if tag == 'tr' else ('td', 'th')
            for i in range(len(st) - 1, 0, -1):
                t = st[i].tag
                if t in want:
                    self._close_from(i)
                    break
                if t in stop:
                    break
        if tag == 'option' and st[-1].tag == 'option':
            st.pop()

    def handle_starttag(self, tag, attrs):
        self._implicit_end(tag)
        n = Node(tag, [(k, v or '') for k, v in attrs], self.stack[-1], self.getpos()[0])
        self.stack[-1].children.append(n)
        if tag not in VOID:
            self.stack.append(n)

    def handle_startendtag(self, tag, attrs):
        # "<div/>" is not self-closing in HTML: treat it as a start tag
        if tag in VOID:
            self._implicit_end(tag)
            n = Node(tag, [(k, v or '') for k, v in attrs], self.stack[-1], self.getpos()[0])
            self.stack[-1].children.append(n)
        else:
            foreign = tag in ('svg', 'math') or any(n.tag in ('svg', 'math') for n in self.stack)
            self.handle_starttag(tag, attrs)
            if foreign:                   # only SVG/MathML elements may self-close
                for i in range(len(self.stack) - 1, 0, -1):
                    if self.stack[i].tag == tag:
                        del self.stack[i:]
                        break

    def handle_endtag(self, tag):
        st = self.stack
        if tag in ('body', 'html', 'br'):
            return
        if tag == 'li':
            i = self._in_scope({'li'}, extra=('ul', 'ol'))
        elif tag == 'p':
            i = self._in_scope({'p'}, extra=('button',))
        elif tag in HEADINGS:
            i = self._in_scope(HEADINGS)
        elif tag in SPECIAL:
            i = self._in_scope({tag})
        else:
            # "any other end tag": nearest same-name element, unless a special
            # element comes first
            i = None
            for j in range(len(st) - 1, 0, -1):
                if st[j].tag == tag:
                    i = j
                    break
                if st[j].tag in SPECIAL:
                    break
        if i is not None:
            self._close_from(i)

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def load(path):
    raw = open(path, 'rb').read()
    m = re.search(rb'<meta[^>]+charset=["\']?([-\w]+)', raw[:30000], re.I)
    enc = m.group(1).decode() if m else 'utf-8'
    try:
        txt = raw.decode(enc)
    except (LookupError, UnicodeDecodeError):
        txt = raw.decode('utf-8', 'replace')
    b = TreeBuilder()
    b.feed(txt)
    b.close()
    return b.root


# --------------------------------------------------------------------------
# Predicate helpers for the per-page rules
# --------------------------------------------------------------------------
def C(*names):            # has all these classes
    return lambda n: all(x in n.cls() for x in names)


def CANY(*names):         # has one of these classes
    return lambda n: any(x in n.cls() for x in names)


def T(*tags):
    return lambda n: n.tag in tags


def I(rx):
    r = re.compile(rx)
    return lambda n: bool(r.search(n.id()))


def A(attr, rx):
    r = re.compile(rx)
    return lambda n: attr in n.attrs and bool(r.search(n.attrs[attr]))


def AND(*ps):
    return lambda n: all(p(n) for p in ps)


def OR(*ps):
    return lambda n: any(p(n) for p in ps)


def NOT(p):
    return lambda n: not p(n)


def INSIDE(p):            # has an ancestor matching p
    return lambda n: any(p(a) for a in n.ancestors())


WP_ITEM = AND(T('li', 'div', 'article'), I(r'^(li-)?comment-\d+$'),
              CANY('comment', 'pingback', 'trackback'))
WP_PING = CANY('pingback', 'trackback')

# --------------------------------------------------------------------------
# Per-page rules (written after reading each page's source)
#   item   : a comment (or pingback) container
#   ping   : among items, the pingbacks/trackbacks (not reader comments)
#   body   : node(s) holding the comment's own text
#   author : node holding the displayed author name; clean = regex removed
#   parent : 'nest'  = nearest enclosing item
#            'level' = Drupal-like: level = number of enclosing `level_of`
#                      nodes; parent = previous item one level up
#   scope  : optional predicate: only items inside such a node are counted
# --------------------------------------------------------------------------
LI_WP = AND(T('li'), WP_ITEM)
SAYS = [r'\s*(says|sagt|dit|said)\s*:?\s*$']

PAGES = {
    # ---------------- French pages ----------------
    'la-bas.org.balkany.html': dict(
        words={13: ['aime', 'Porte'], 14: ['Moi', 'aussi']},
        site='la-bas.org', engine='spip-forum', language='fr',
        item=AND(T('li'), C('comment-li')),
        body=C('comment-texte'),
        author=C('reviewer'), clean=[r'^[,\s]*par\s+']),
    'lepoint.fr.beaucaire.html': dict(
        site='lepoint.fr', engine='lepoint', language='fr',
        item=AND(T('li'), C('commentaire')),
        body=C('commentaire-text'), body_skip=T('button'),
        author=T('strong')),
    'lefigaro.fr.ukraine.html': dict(
        words={2: ['enfarinement', 'saupoudrer'], 3: ['enfarinement', 'saupoudrer']},
        site='lefigaro.fr', engine='lefigaro', language='fr',
        item=AND(T('li'), C('fig-comment')),
        body=C('fig-comment__text'),
        author=C('fig-comment__username')),
    'lefigaro.fr.montebourg.html': dict(
        site='lefigaro.fr', engine='lefigaro', language='fr',
        item=AND(T('li'), C('fig-comment')),
        body=C('fig-comment-msg'),
        author=C('fig-comment-user')),
    'slate.fr.tapie.html': dict(
        site='slate.fr', engine='drupal', language='fr',
        item=AND(T('div'), CANY('article_comment_item', 'article_comment_answer')),
        body=C('comment_content'),
        author=C('comment_author_name'),
        parent='level', level_of=C('indented')),
    # ---------------- WordPress ----------------
    'comoeducarseusfilhos.com.br.loja.html': dict(
        site='comoeducarseusfilhos.com.br', engine='wordpress-microdata', language='pt',
        item=LI_WP, ping=WP_PING,
        body=C('comment-content'), author=C('comment-author')),
    'kabarislamia.com.membenci.html': dict(
        site='kabarislamia.com', engine='wordpress-xhtml', language='id',
        item=LI_WP, ping=WP_PING,
        body=T('p'), author=C('fn')),
    'bigbrandsystem.com.mindset.html': dict(
        site='bigbrandsystem.com', engine='wordpress-html5', language='en',
        item=LI_WP, ping=WP_PING,
        body=C('comment-content'), author=C('fn')),
    'blog.givewell.org.open-thread.html': dict(
        site='blog.givewell.org', engine='wordpress-xhtml', language='en',
        item=LI_WP, ping=WP_PING,
        body=C('comment-body'), body_skip=CANY('comment-author', 'reply'),
        author=AND(T('strong'), INSIDE(C('comment-author')))),
    'theantijunecleaver.com.jam.html': dict(
        site='theantijunecleaver.com', engine='wordpress-div', language='en',
        item=AND(T('div'), WP_ITEM), ping=WP_PING,
        body=C('comment-content'), author=C('author')),
    'netzpolitik.org.2024.html': dict(
        site='netzpolitik.org', engine='wordpress-html5', language='de',
        item=LI_WP, ping=WP_PING,
        body=C('comment-content'), author=C('fn')),
    'blisterreview.com.review.html': dict(
        words={1: ['development', 'after'], 2: ['talked', 'typo'], 5: ['James', 'mistake'], 10: ['Taylor', 'mistake']},
        site='blisterreview.com', engine='wordpress-html5', language='en',
        item=LI_WP, ping=WP_PING,
        body=C('comment-content'), author=C('fn')),
    'pewresearch.org.html': dict(
        site='pewresearch.org', engine='wordpress-xhtml', language='en',
        item=LI_WP, ping=WP_PING,
        body=AND(T('div'), C('comment')),
        body_skip=OR(AND(T('p'), lambda n: any(isinstance(c, Node) and 'author' in c.cls() for c in n.children)),
                     C('comment-reply-link')),
        author=C('author')),
    'verfassungsblog.de.decade.html': dict(
        site='verfassungsblog.de', engine='wordpress-html5', language='en',
        item=LI_WP, ping=WP_PING,
        body=C('comment-content'), author=C('fn'), clean=[r'[,\s]+$']),
    'hobby-werkstatt-blog.de.roomba.html': dict(
        site='hobby-werkstatt-blog.de', engine='wordpress-xhtml', language='de',
        item=LI_WP, ping=WP_PING,
        body=C('comment-container'), body_skip=CANY('comment-author', 'comment-meta'),
        author=C('authorname')),
    'blog.wikimedia.org.maps.html': dict(
        site='blog.wikimedia.org', engine='wordpress-div', language='en',
        item=AND(T('div'), I(r'^li-comment-\d+$')), ping=WP_PING,
        body=C('entry'),
        body_skip=OR(AND(T('p'), lambda n: any(isinstance(c, Node) and 'comment-link' in c.cls() for c in n.children)),
                     C('tools')),
        author=AND(T('p'), lambda n: any(isinstance(c, Node) and 'comment-link' in c.cls() for c in n.children)),
        author_skip=C('comment-link')),
    'azizonomics.com.monetary.html': dict(
        words={7: ['themselves', 'existence']},
        site='azizonomics.com', engine='wordpress-xhtml', language='en',
        item=LI_WP, ping=WP_PING,
        body=C('commententry'), author=T('cite')),
    'skepchick.org.quickies.html': dict(
        site='skepchick.org', engine='wordpress-xhtml', language='en',
        item=LI_WP, ping=WP_PING,
        body=C('comment-text'), author=C('comment-url')),
    # ---------------- Disqus (static HTML of the Disqus WordPress plugin) ----------------
    'battellemedia.com.begin-again.html': dict(
        site='battellemedia.com', engine='disqus-static', language='en',
        item=AND(T('li'), I(r'^dsq-comment-\d+$')),
        body=C('dsq-comment-message'), author=I(r'^dsq-author-user-'),
        parent='level', level_of=AND(T('ul'), C('children'))),
    # ---------------- Drupal ----------------
    'androidcentral.com.htc-verizon.html': dict(
        words={10: ['Thunderbolt']},
        site='androidcentral.com', engine='drupal', language='en',
        item=AND(T('div'), C('comment')),
        body=C('comment-body'), author=AND(T('a'), INSIDE(C('user'))),
        parent='level', level_of=C('indented')),
    'eatsmarter.de.stoffwechsel.html': dict(
        site='eatsmarter.de', engine='drupal', language='de',
        item=AND(T('div'), C('comment')),
        body=C('content'), body_skip=OR(C('submitted'), T('ul')),
        author=C('username'),
        parent='level', level_of=C('indented')),
    # ---------------- Blogger ----------------
    'thefischbowl.blogspot.com.backwards.html': dict(
        site='thefischbowl.blogspot.com', engine='blogger-threaded', language='en',
        item=AND(T('li'), C('comment')),
        body=C('comment-content'), author=AND(T('cite'), C('user'))),
    'geekdoctor.blogspot.com.golden-spike.html': dict(
        site='geekdoctor.blogspot.com', engine='blogger-classic', language='en',
        item=AND(T('dt'), C('comment-author')),
        body_next=AND(T('dd'), C('comment-body')),
        author_self=True, clean=[r'\s*said\.\.\.\s*$']),
    # ---------------- TypePad / Movable Type ----------------
    'virtualgeek.typepad.com.vmworld.html': dict(
        site='virtualgeek.typepad.com', engine='typepad', language='en',
        item=AND(T('div'), C('comment'), I(r'^comment-[0-9a-f]+$')),
        body=C('comment-content'), author=C('comment-footer'),
        clean=[r'^\s*Posted by:\s*', r'\s*\|.*$']),
    'gaygamer.net.wind-waker.html': dict(
        words={2: ['Homestuck', 'refference'], 4: ['Zelda', 'himself']},
        site='gaygamer.net', engine='movabletype', language='en',
        item=AND(T('div'), I(r'^comment-\d+$')),
        body=C('comment-content'), author=C('comment-header'), clean=SAYS),
    # ---------------- other custom markups ----------------
    'wnyc.org.heresthething.html': dict(
        site='wnyc.org', engine='wnyc', language='en',
        item=AND(T('div'), C('comment'), I(r'^comment\d+$')),
        body=C('comment-text'), author=C('comment-author')),
    'blogs.wsj.com.livingston.html': dict(
        site='blogs.wsj.com', engine='wsj-blogs', language='en',
        item=AND(T('li'), C('commententry')),
        body=C('commentContent'), author=T('cite')),
}


# --------------------------------------------------------------------------
def analyse(fname, rule):
    root = load(os.path.join(HERE, fname))
    item = rule['item']
    scope = rule.get('scope')
    items = [n for n in root.iter() if item(n) and (scope is None or any(scope(a) for a in n.ancestors()))]
    ids = {id(n) for n in items}
    is_item = lambda n: id(n) in ids
    ping = rule.get('ping', lambda n: False)
    comments = [n for n in items if not ping(n)]
    pings = [n for n in items if ping(n)]
    num = {id(n): i + 1 for i, n in enumerate(comments)}
    out = []
    level_of = rule.get('level_of')
    levels = {}
    for n in comments:
        if rule.get('parent', 'nest') == 'level':
            levels[id(n)] = sum(1 for a in n.ancestors() if level_of(a))
    for i, n in enumerate(comments):
        if rule.get('parent', 'nest') == 'nest':
            par = next((a for a in n.ancestors() if is_item(a)), None)
            pnum = num.get(id(par)) if par is not None else None
        else:
            lv = levels[id(n)]
            pnum = None
            if lv > 0:
                for j in range(i - 1, -1, -1):
                    if levels[id(comments[j])] == lv - 1:
                        pnum = j + 1
                        break
        if rule.get('body_next'):
            sib = n.parent.children
            k = sib.index(n) + 1
            bodies = []
            while k < len(sib):
                s = sib[k]
                k += 1
                if isinstance(s, Node):
                    if rule['body_next'](s):
                        bodies.append(s)
                    break
        else:
            bodies = list(n.find(rule['body'], stop=is_item)) if rule.get('body') else [n]
        text = ' '.join(b.text(stop=OR(is_item, rule.get('body_skip', lambda x: False))) for b in bodies).strip()
        author = None
        if rule.get('author') or rule.get('author_self'):
            a = n if rule.get('author_self') else next(n.find(rule['author'], stop=is_item), None)
            if a is not None:
                author = a.text(stop=rule.get('author_skip'))
                for rx in rule.get('clean', SAYS):
                    author = re.sub(rx, '', author)
                author = author.strip() or None
        out.append({'n': i + 1, 'parent': pnum, 'author': author, 'text': text,
                    'line': n.line, 'tag': n.tag, 'id': n.id()})
    page_text = root.text()
    return out, len(pings), page_text, pings


# a whole word: not glued to a hyphen, an apostrophe, a slash or a dot (so that
# any tokenizer finds it as a word of its own)
WORD = re.compile(r"(?<![\w\-\u2019'/.])[^\W\d_]{4,}(?![\w\-\u2019'/])")
URLISH = re.compile(r"\S*(?:://|www\.|@|\.com|\.org|\.fr|\.de|\.pl)\S*")


def pick_words(entries, page_text, fixed):
    """Draft 1-3 probe words per comment: whole words (4+ letters, not inside
    a URL, an e-mail address or a hyphenated/elided compound) of the
    comment's own text that occur nowhere else in the page text; the longest
    ones first."""
    loose = Counter(w.lower() for w in re.findall(r"[^\W\d_]{4,}", page_text))
    for e in entries:
        if e['n'] in fixed:
            e['words'] = fixed[e['n']]
            e['unique'] = 'fixed'
            continue
        own = WORD.findall(URLISH.sub(' ', e['text']))
        owncount = Counter(w.lower() for w in re.findall(r"[^\W\d_]{4,}", e['text']))
        seen, cand = set(), []
        for w in own:
            lw = w.lower()
            if lw in seen:
                continue
            seen.add(lw)
            cand.append((loose[lw] - owncount[lw], -len(w), w))
        cand.sort(key=lambda c: (c[0], c[1]))
        uniq = [c[2] for c in cand if c[0] == 0]
        if uniq:
            e['words'] = sorted(uniq, key=lambda w: -len(w))[:3]
            e['unique'] = True
        else:
            e['words'] = [c[2] for c in cand[:2]]
            e['unique'] = False


def check(argv):
    """Compare expected.json with what this script finds (counts, parents,
    authors) and check that every probe word occurs in its comment's own text."""
    expected = json.load(open(os.path.join(HERE, 'expected.json'), encoding='utf-8'))
    bad = 0
    for x in expected:
        rule = PAGES[x['file']]
        entries, npings, _, _ = analyse(x['file'], rule)
        replies = sum(1 for e in entries if e['parent'] is not None)
        if (x['comments'], x['replies'], x['pingbacks']) != (len(entries), replies, npings):
            print('COUNTS DIFFER', x['file'])
            bad += 1
        for e, p in zip(entries, x['probes']):
            if (e['n'], e['parent'], e['author']) != (p['n'], p['parent'], p['author']):
                print('PROBE DIFFERS', x['file'], p['n'])
                bad += 1
            for w in p['words']:
                if not re.search(r'(?<!\w)' + re.escape(w) + r'(?!\w)', e['text']):
                    print('WORD NOT IN COMMENT', x['file'], p['n'], w)
                    bad += 1
    print('expected.json:', 'OK' if not bad else f'{bad} problem(s)', f'({len(expected)} pages)')
    return bad


def main(argv):
    if '--check' in argv:
        sys.exit(1 if check(argv) else 0)
    as_json = '--json' in argv
    files = [a for a in argv if not a.startswith('--')] or sorted(PAGES)
    result = []
    for f in files:
        rule = PAGES[os.path.basename(f)]
        entries, npings, page_text, pings = analyse(os.path.basename(f), rule)
        pick_words(entries, page_text, rule.get('words', {}))
        replies = sum(1 for e in entries if e['parent'] is not None)
        if as_json:
            result.append({
                'file': os.path.basename(f), 'site': rule['site'], 'engine': rule['engine'],
                'language': rule['language'], 'comments': len(entries), 'replies': replies,
                'pingbacks': npings,
                'probes': [{'n': e['n'], 'parent': e['parent'], 'words': e['words'],
                            'author': e['author']} for e in entries]})
            continue
        print(f"=== {f}: comments={len(entries)} replies={replies} pingbacks={npings}")
        for p in pings:
            print(f"    [ping] L{p.line} {p.tag}#{p.id()} {p.text()[:100]}")
        for e in entries:
            flag = '' if e['unique'] is True else ('  (fixed)' if e['unique'] == 'fixed' else '  (NOT UNIQUE)')
            print(f"  {e['n']:3} parent={str(e['parent']):>4} L{e['line']} {e['tag']}#{e['id']} "
                  f"author={e['author']!r} words={e['words']}{flag}")
            print(f"        {e['text'][:300]}")
    if as_json:
        print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == '__main__':
    main(sys.argv[1:])
