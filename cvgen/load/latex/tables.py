"""What LaTeX macros mean in a CV entry: the tables the decoder (latex_text.py) reads.

The policy (README, "publications.bib"): text macros keep their argument, layout and citation
macros are dropped, symbols become their characters, and anything else is an unknown macro
(a warning, its arguments kept).
"""

from __future__ import annotations

ACCENTS = {
    '"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303", "=": "\u0304",
    ".": "\u0307", "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328",
    "r": "\u030a", "d": "\u0323", "b": "\u0331", "t": "\u0361",
}  # fmt: skip
LETTERS = {
    "ss": "ß", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ", "oe": "œ",
    "OE": "Œ", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ",
    "TH": "Þ", "ng": "ŋ", "NG": "Ŋ", "dj": "đ", "DJ": "Đ",
}  # fmt: skip
# Symbols in text (and math) mode.
TEXT_SYMBOLS = {
    "textendash": "–", "textemdash": "—", "textquoteleft": "‘", "textquoteright": "’",
    "textquotedblleft": "“", "textquotedblright": "”", "textquotesingle": "'",
    "textquotedbl": '"', "guillemotleft": "«", "guillemotright": "»", "guillemetleft": "«",
    "guillemetright": "»", "quotedblbase": "„", "textregistered": "®", "texttrademark": "™",
    "textcopyright": "©", "copyright": "©", "textdegree": "°", "textmu": "µ",
    "textperiodcentered": "·", "textbullet": "•", "dag": "†", "ddag": "‡", "textdagger": "†",
    "textdaggerdbl": "‡", "S": "§", "P": "¶", "textsection": "§", "textparagraph": "¶",
    "pounds": "£", "textsterling": "£", "euro": "€", "texteuro": "€", "textyen": "¥",
    "textcent": "¢", "textellipsis": "…", "ldots": "…", "dots": "…", "textasteriskcentered": "∗",
    "LaTeX": "LaTeX", "TeX": "TeX", "BibTeX": "BibTeX", "LaTeXe": "LaTeX2e",
    "textbackslash": "\\", "textasciicircum": "^", "textasciitilde": "~", "textbraceleft": "{",
    "textbraceright": "}", "textbar": "|", "textless": "<", "textgreater": ">",
    "textunderscore": "_", "textdollar": "$", "textexclamdown": "¡", "textquestiondown": "¿",
    "textonehalf": "½", "textonequarter": "¼", "textthreequarters": "¾", "textpm": "±",
    "texttimes": "×", "textdiv": "÷", "textminus": "−", "textordfeminine": "ª",
    "textordmasculine": "º", "textnumero": "№", "textmusicalnote": "♪", "checkmark": "✓",
    "textasciiacute": "´", "textasciidieresis": "¨", "textasciimacron": "¯", "textohm": "Ω",
    "textcelsius": "℃", "ndash": "–", "mdash": "—", "textperthousand": "‰",
    "textlangle": "⟨", "textrangle": "⟩",
    "i": "ı", "j": "ȷ", "cprime": "ʹ", "cdprime": "ʺ",  # MathSciNet's Cyrillic soft/hard signs
}  # fmt: skip
MATH_SYMBOLS = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
    "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "varpi": "ϖ", "rho": "ρ",
    "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "ϕ",
    "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ",
    "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ",
    "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "ell": "ℓ", "hbar": "ℏ", "infty": "∞",
    "partial": "∂", "nabla": "∇", "forall": "∀", "exists": "∃", "emptyset": "∅",
    "varnothing": "∅", "times": "×", "cdot": "·", "cdots": "⋯", "ldots": "…", "dots": "…",
    "vdots": "⋮", "ddots": "⋱", "pm": "±", "mp": "∓", "div": "÷", "ast": "∗", "star": "⋆",
    "circ": "∘", "bullet": "•", "oplus": "⊕", "ominus": "⊖", "otimes": "⊗", "odot": "⊙",
    "oslash": "⊘", "wedge": "∧", "land": "∧", "vee": "∨", "lor": "∨", "neg": "¬", "lnot": "¬",
    "cap": "∩", "cup": "∪", "setminus": "∖", "sqcup": "⊔", "leq": "≤", "le": "≤", "geq": "≥",
    "ge": "≥", "neq": "≠", "ne": "≠", "ll": "≪", "gg": "≫", "approx": "≈", "sim": "∼",
    "simeq": "≃", "cong": "≅", "equiv": "≡", "propto": "∝", "lesssim": "≲", "gtrsim": "≳",
    "in": "∈", "notin": "∉", "ni": "∋", "subset": "⊂", "supset": "⊃", "subseteq": "⊆",
    "supseteq": "⊇", "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←",
    "leftrightarrow": "↔", "Rightarrow": "⇒", "Leftarrow": "⇐", "Leftrightarrow": "⇔",
    "mapsto": "↦", "uparrow": "↑", "downarrow": "↓", "implies": "⟹", "iff": "⟺",
    "sum": "∑", "prod": "∏", "coprod": "∐", "int": "∫", "oint": "∮",
    "prime": "′", "dagger": "†", "ddagger": "‡", "langle": "⟨", "rangle": "⟩", "lceil": "⌈",
    "rceil": "⌉", "lfloor": "⌊", "rfloor": "⌋", "vert": "|", "Vert": "‖", "mid": "∣",
    "parallel": "∥", "perp": "⊥", "top": "⊤", "bot": "⊥", "vdash": "⊢", "models": "⊨",
    "aleph": "ℵ", "Re": "ℜ", "Im": "ℑ", "wp": "℘", "angle": "∠", "triangle": "△",
    "square": "□", "Box": "□", "diamond": "◇", "sharp": "♯", "flat": "♭",
    "natural": "♮", "lbrace": "{", "rbrace": "}", "lbrack": "[", "rbrack": "]",
    "backslash": "\\", "colon": ":", "deg": "°", "degree": "°", "prec": "≺", "succ": "≻",
    "preceq": "⪯", "succeq": "⪰", "asymp": "≍", "bigoplus": "⊕", "bigotimes": "⊗",
    "bigcup": "⋃", "bigcap": "⋂", "lt": "<", "gt": ">", "S": "§", "P": "¶", "dag": "†", "ddag": "‡",
}  # fmt: skip
# upgreek's upright letters (\upmu, \Upgamma) and the bold-italic ones some exporters use.
MATH_SYMBOLS.update(
    {f"up{name}": char for name, char in MATH_SYMBOLS.items() if name.isalpha() and name.islower()}
    | {f"Up{name[0].lower()}{name[1:]}": char for name, char in MATH_SYMBOLS.items()
       if name[:1].isupper() and len(name) > 2}
    | {f"var{name}": MATH_SYMBOLS[name] for name in ("Gamma", "Delta", "Theta", "Lambda", "Xi",
       "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega")}
)  # fmt: skip
# Accents over a math base, as combining marks on each of its characters: $\bar{t}$ -> t̄.
MATH_ACCENTS = {
    "bar": "\u0304", "overline": "\u0305", "hat": "\u0302", "widehat": "\u0302",
    "tilde": "\u0303", "widetilde": "\u0303", "vec": "\u20d7", "overrightarrow": "\u20d7",
    "dot": "\u0307", "ddot": "\u0308", "dddot": "\u20db", "check": "\u030c",
    "breve": "\u0306", "acute": "\u0301", "grave": "\u0300", "mathring": "\u030a",
    "underbar": "\u0332", "overleftarrow": "\u20d6",
}  # fmt: skip
MATH_FUNCTIONS = frozenset(
    "log ln lg exp sin cos tan cot sec csc arcsin arccos arctan sinh cosh tanh min max sup inf "
    "lim liminf limsup det dim ker deg arg Pr gcd lcm hom mod bmod pmod".split()
)
DOUBLE_STRUCK = dict(zip("RNZQCPHFE1", "ℝℕℤℚℂℙℍ𝔽𝔼𝟙", strict=True))
SUPERSCRIPTS = str.maketrans(
    "0123456789+-=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVWi",
    "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂⁱ",
)
SUBSCRIPTS = str.maketrans("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ")
SUPERSCRIPT_CHARS = frozenset("0123456789+-=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVWi")
SUBSCRIPT_CHARS = frozenset("0123456789+-=()aehijklmnoprstuvx")
# Marks that stand for themselves when superscripted: $^*$, $^\dagger$.
MARK_CHARS = frozenset("*∗†‡§¶′'#")

# Macros whose one argument is the text: the formatting is the writers' business.
KEEP_ARGUMENT = frozenset(
    "textbf textit emph textsc textsl textup textmd textrm textsf texttt textnormal underline "
    "uline uuline sout mbox hbox fbox text textmath ensuremath NoCaseChange nocase mathrm mathbf "
    "mathit mathsf mathtt mathnormal mathcal mathscr mathfrak boldsymbol bm operatorname "
    "emphasize doi acronym ac acs acl "
    "MakeTextUppercase MakeTextLowercase textup lowercase uppercase MakeUppercase MakeLowercase "
    "enquote mkbibquote mkbibemph mkbibbold textcircled varvec pmb mathbfit mathbold smash "
    "mbf symbf symit symrm symsf symup mathup textnormal hbox".split()
)
UPPERCASE = frozenset({"MakeUppercase", "uppercase", "MakeTextUppercase"})
LOWERCASE = frozenset({"MakeLowercase", "lowercase", "MakeTextLowercase"})
# Macros whose last argument is the text, after leading arguments that are not: name -> count.
LAST_OF = {"texorpdfstring": 2, "href": 2, "textcolor": 2, "bibinfo": 2, "foreignlanguage": 2}
# Macros dropped with their (braced) arguments: sort keys, citations, layout, notes.
DROP_WITH_ARGUMENT = {
    "noopsort": 1, "SortNoop": 1, "sortnoop": 1, "NOOPSORT": 1, "cite": 1, "citep": 1,
    "citet": 1, "citealp": 1, "citeauthor": 1, "citeyear": 1, "nocite": 1, "ref": 1,
    "eqref": 1, "label": 1, "footnote": 1, "thanks": 1, "hspace": 1, "vspace": 1, "index": 1,
    "phantom": 1, "hphantom": 1, "vphantom": 1, "setlength": 2, "color": 1, "pagecolor": 1,
    "addtocounter": 2, "setcounter": 2, "rule": 2, "selectlanguage": 1,
}  # fmt: skip
# Macros without arguments that print nothing (font switches, spacing hints).
DROP = frozenset(
    "bf it em sc rm sf tt sl up md normalfont bfseries itshape scshape upshape slshape "
    "mdseries rmfamily sffamily ttfamily small footnotesize scriptsize tiny large Large LARGE "
    "huge Huge normalsize relax protect xspace nobreak noindent ignorespaces unskip null "
    "leavevmode centering raggedright raggedleft newblock allowbreak displaystyle textstyle "
    "scriptstyle scriptscriptstyle left right big Big bigg Bigg bigl bigr Bigl Bigr biggl "
    "biggr middle limits nolimits nonumber notag hfill vfill hfil strut mathstrut smallskip "
    "medskip bigskip sloppy fussy frenchspacing nonfrenchspacing boldmath unboldmath cyr "
    "cyrillic".split()
)
SPACES = frozenset("newline linebreak par quad qquad enspace enskip thinspace space".split())
# Control symbols: \& \% ... print the character; \, \; \  are spaces; \- \/ \@ nothing.
CONTROL_SYMBOLS = {
    "&": "&", "%": "%", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}", " ": " ",
    ",": " ", ";": " ", ":": " ", ">": " ", "!": "", "-": "", "/": "", "@": "", "\\": " ",
    "|": "‖", "\n": " ", "\t": " ",
}  # fmt: skip
URL_MACROS = frozenset({"url", "path", "nolinkurl"})
