"""The LaTeX preamble of the CV: packages, fonts for every script, and the \\cv... macros.

The layout lives in a dozen macros (\\cvsection, \\cvdated, cvpubs, cvgrants, ...), so the
generated .tex reads like a hand-written CV and whoever edits it restyles everything in one
place. It works with every engine: pdflatex gets T1 Latin Modern (fast); LuaLaTeX and XeLaTeX
get the OpenType Latin Modern, and when the text holds characters pdflatex cannot set, LuaLaTeX
borrows them from fallback fonts and babel orders right-to-left scripts.
"""

from __future__ import annotations

import re

from cvgen.writers.tex_engine import PDFLATEX_CHARS

PACKAGES = (
    "iftex", "xcolor", "tabularx", "xltabular", "booktabs", "needspace", "fancyhdr", "multicol",
)  # fmt: skip
GEOMETRY = {"hmargin": "2.2cm", "top": "2cm", "bottom": "2.4cm"}
PAPERS = {"a4": "a4paper", "letter": "letterpaper"}

FONTS = r"""
\ifPDFTeX
  \usepackage[T1]{fontenc}
  \usepackage{lmodern}
  \input{glyphtounicode}\pdfgentounicode=1
\fi
\frenchspacing
\usepackage{accsupp}
% Symbols of the data set in math (the l of l1, <=, a lone alpha) copy from TeX's math fonts
% as other characters ("`" for the l): \cvmath{code}{tex} tells readers the Unicode text.
\newcommand{\cvmath}[2]{\BeginAccSupp{method=hex,unicode,ActualText=#1}#2\EndAccSupp{}}
"""

# Under LuaLaTeX, a CV whose text has letters of other scripts (a Greek or Hebrew co-author)
# is set in one family that has them all, Noto Serif, rather than Latin Modern with a few
# borrowed, visibly heavier, words. Characters the main font lacks come from fallback fonts;
# each costs about 0.2 s a pass, so only those covering characters of the document are
# loaded, in this order.
NOTO = "Noto Serif"
FALLBACK_FONTS = (
    (("NotoSerif-Regular.ttf",), ((0x0370, 0x052F), (0x1E00, 0x1FFF), (0x2070, 0x214F))),
    (("NotoSerifCJK-Regular.ttc", "NotoSansCJK-Regular.ttc"), ((0x2E80, 0x9FFF), (0xAC00, 0xD7AF))),
    (("DejaVuSerif.ttf",), ((0x0080, 0x10FFFF),)),  # symbols, arrows, letterlike, ...
)
FALLBACK = r"""  \usepackage{fontspec}
  \directlua{
    local found = {}
    for _, file in ipairs({%s}) do
      if kpse.find_file(file, "truetype fonts") then
        table.insert(found, "file:" .. file .. ":mode=harf")
      end
    end
    luaotfload.add_fallback("cvgen", found)
  }
  \setmainfont{%s}[%sRawFeature={fallback=cvgen}]
  \renewcommand{\cvmath}[2]{\char"#1\relax}"""
LATIN_MODERN = "Latin Modern Roman", "SmallCapsFont={Latin Modern Roman Caps}, "
# Right-to-left scripts need babel's bidi algorithm: language, font, Unicode blocks.
RTL_SCRIPTS = (
    ("hebrew", "Noto Serif Hebrew", ((0x0590, 0x05FF), (0xFB1D, 0xFB4F))),
    ("arabic", "Noto Naskh Arabic", ((0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF))),
)
_MATH_CODE = re.compile(r"\\cvmath\{([0-9A-F]{4,6})\}")

LAYOUT = r"""
\usepackage{microtype}
\usepackage[colorlinks=true,linkcolor=cvaccent,urlcolor=cvaccent]{hyperref}
\urlstyle{same}
\definecolor{cvaccent}{rgb}{0.11,0.30,0.52}
\definecolor{cvmuted}{gray}{0.38}
\definecolor{cvrule}{gray}{0.62}
\setlength{\parindent}{0pt}
\clubpenalty=10000
\widowpenalty=10000
\setlength{\emergencystretch}{2.5em}
\raggedbottom
\pagestyle{fancy}
\fancyhf{}
\renewcommand{\headrulewidth}{0pt}
% The date column is as wide as the widest date the writer names with \cvdatefits.
\newlength{\cvdatewidth}
\newlength{\cvdatetry}
\newcommand{\cvdatefits}[1]{\settowidth{\cvdatetry}{\small #1}%
  \ifdim\cvdatetry>\cvdatewidth\setlength{\cvdatewidth}{\cvdatetry}\fi}
\AtBeginDocument{\cvdatefits{0000 – present}}
% The header: name, position, affiliation (left) and contact details (right).
\newcommand{\cvname}[1]{{\fontsize{25}{29}\selectfont\color{cvaccent}#1\par}\vspace{5pt}}
\newcommand{\cvposition}[1]{{\large\itshape #1\par}\vspace{2pt}}
\newcommand{\cvaddress}[1]{{\small\raggedright #1\par}}
\newenvironment{cvheader}
  {\noindent\begin{minipage}[b]{0.6\linewidth}}
  {\end{minipage}}
\newenvironment{cvcontact}
  {\hfill\begin{minipage}[b]{0.38\linewidth}\raggedleft\small}
  {\end{minipage}\par\vspace{6pt}{\color{cvaccent}\hrule height 0.8pt}\vspace{4pt}}
% Headings end in \nobreak and entries hold no break points of their own, so a heading always
% travels with its first entry; lists must not invite a break before them either. \Needspace,
% not \needspace: the latter's glue trick lets a long table that follows put its column
% heads above the section heading on the next page.
\makeatletter\@beginparpenalty=10000\makeatother
\newcommand{\cvsection}[1]{\par\addvspace{14pt}\Needspace{5\baselineskip}%
  \noindent{\color{cvaccent}\Large\scshape #1}\hspace{0.6em}%
  {\color{cvrule}\leaders\vrule height 0.75ex depth -0.68ex\hfill}\par\nobreak\vspace{5pt}}
\newcommand{\cvsubsection}[1]{\par\addvspace{7pt}%
  \noindent{\color{cvaccent}\itshape #1}\par\nobreak\vspace{3pt}}
\newcommand{\cvgroup}[1]{\par\addvspace{3pt}%
  \noindent{\small\scshape\color{cvmuted}#1}\par\nobreak\vspace{2pt}}
% A dated entry: the body on the left, its dates flush right in a column of their own.
\newcommand{\cvdated}[2]{\par
  \begin{minipage}[t]{\dimexpr\linewidth-\cvdatewidth-1.2em\relax}\raggedright #2\end{minipage}%
  \hfill\begin{minipage}[t]{\cvdatewidth}\raggedleft\small\textcolor{cvmuted}{#1}\end{minipage}%
  \par\addvspace{4.5pt}}
\newcommand{\cvtitle}[1]{\textbf{#1}}
\newcommand{\cvdetail}[1]{\par{\small #1}}
\newcommand{\cvnote}[1]{ {\small\itshape\color{cvaccent}(#1)}}
\newcommand{\cvlinks}[1]{ {\small [#1]}}
\newcommand{\cvsep}{\,\textperiodcentered\,}
\newcommand{\cvlegend}[1]{\noindent{\small\color{cvmuted}#1\par}\vspace{2pt}}
% Numbered publications with a hanging indent, never split over pages; #1 is the widest label.
\newenvironment{cvpubs}[1]
  {\begin{list}{}{\settowidth{\labelwidth}{\small #1}\setlength{\labelsep}{0.6em}%
    \setlength{\leftmargin}{\dimexpr\labelwidth+\labelsep\relax}\setlength{\topsep}{2pt}%
    \setlength{\itemsep}{3.5pt}\setlength{\parsep}{0pt}\interlinepenalty=10000%
    \renewcommand{\makelabel}[1]{\hfil\small\color{cvmuted}##1}}}
  {\end{list}}
% Research topics: a compact bulleted list in two balanced columns.
\newenvironment{cvinterests}
  {\begin{multicols}{2}\raggedright\begin{list}{\textcolor{cvaccent}{\textbullet}}%
    {\setlength{\leftmargin}{1.1em}\setlength{\labelsep}{0.5em}\setlength{\topsep}{0pt}%
     \setlength{\itemsep}{1.5pt}\setlength{\parsep}{0pt}}}
  {\end{list}\end{multicols}}
% The grants table, which may run over pages (its header repeats). booktabs ends a \cmidrule
% in glue, where a page may break: the totals under it would start the next page alone, so
% a \nobreak before that glue keeps such a rule with the row below it.
\makeatletter\let\cv@xcmidrule\@xcmidrule\def\@xcmidrule{\nobreak\cv@xcmidrule}\makeatother
% #1: the role and amount columns (the writer wraps long free-text roles and amounts).
\newenvironment{cvgrants}[5][l r]
  {\small\xltabular{\linewidth}{@{}>{\raggedright\arraybackslash}X #1 r@{}}
   \textsc{#2} & \textsc{#3} & \textsc{#4} & \textsc{#5}\\ \midrule
   \endhead}
  {\endxltabular}
\newcommand{\cvgrantgroup}[1]{\multicolumn{4}{@{}l}{\normalsize\itshape\color{cvaccent}#1}}
"""


def _uses(chars: set[str], blocks: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= ord(ch) <= high for ch in chars for low, high in blocks)


def _other_script(chars: set[str]) -> bool:
    """Letters beyond Latin (and its extensions), which Latin Modern cannot set."""
    return any(ch.isalpha() and not ("\u1e00" <= ch <= "\u1eff") for ch in chars if ch > "\u024f")


def unicode_fonts(body: str) -> str:
    """LuaLaTeX set-up for the characters pdflatex cannot set; '' when there are none."""
    chars = {ch for ch in body if ch not in PDFLATEX_CHARS}
    if not chars:
        return ""
    chars |= {chr(int(code, 16)) for code in _MATH_CODE.findall(body)}
    files = [f for files, blocks in FALLBACK_FONTS if _uses(chars, blocks) for f in files]
    main, features = (NOTO, "") if _other_script(chars) else LATIN_MODERN
    lines = [r"\ifLuaTeX", FALLBACK % (", ".join(f'"{file}"' for file in files), main, features)]
    rtl = [(language, font) for language, font, blocks in RTL_SCRIPTS if _uses(chars, blocks)]
    if rtl:
        lines += [r"  \usepackage[bidi=basic]{babel}", r"  \babelprovide[import,main]{english}"]
    for language, font in rtl:
        lines.append(rf"  \babelprovide[import,onchar=ids fonts]{{{language}}}")
        lines.append(rf"  \babelfont[{language}]{{rm}}{{{font}}}")
    return "\n".join([*lines, r"\fi", ""])
