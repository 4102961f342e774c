#!/usr/bin/env python3
"""
Independent reference implementation of the WCAP.* custom functions and generator of
test/reference/cases.json, the comparison cases that reference.test.ts runs against the built
dist/functions.js.

Written only from /work/shared/DESIGN.md §2 (argument rules, blanks, error precedence, the error
table, the limits that are not errors) and §3 (the catalogue); nothing here was read from src/.
Precision: mpmath at 50 digits for NORM.S.INV, Φ, φ, the normal loss G(k), the fill-rate root k
and sigmaLT; sums are exact (fractions.Fraction) and rounded once.

Cases the contract does not decide are never written: the reference raises `Ambiguous` and the
generator drops (or redraws) the case. See AMBIGUITIES below for the list.

Run: python3 test/reference/generate.py   (needs mpmath and scipy; deterministic, seeded)
"""

import json
import os
import random
import sys
from fractions import Fraction

import mpmath as mp
from scipy.special import ndtri

mp.mp.dps = 50
M = mp.mpf

VALUE, NA, DIV, NUM = "#VALUE!", "#N/A", "#DIV/0!", "#NUM!"
INPUT_ERRORS = ["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!"]
DMAX = M(sys.float_info.max)

AMBIGUITIES = """
- A single value (or 1x1) argument broadcast over a range, at a position where every range
  argument is blank: "every argument that was given is blank" (-> "") vs the broadcast value is
  given and not blank (-> #N/A, or the computed value when only optionals are ranges).
- #DIV/0! from an earlier argument together with #NUM! from a later one in the same cell ("domain
  checks in argument order" vs #DIV/0! being the formula's zero-denominator check after the
  argument checks); e.g. EOQ unit_cost 0 with holding_rate < 0, FILLRATE Q 0 with sigma_lt < 0.
- SAFETYSTOCK: unknown method or fill without order_qty together with any other error in the same
  cell; order_qty <= 0 with the fill method; order_qty text/error/<=0 when the method is cycle.
  Unknown method / missing order_qty only tested in all-single-value calls.
- Negative order_qty in FILLRATE; negative revenue in DSO; negative dio/dso/dpo inputs of CCC and
  RELEASE: not in the #NUM! list, nor in the "allowed" list.
- Aggregating functions whose required argument is one blank cell, or whose ranges are all blank
  (DIO/DSO/DPO/TURNS, WAPE/MAPE/BIAS): "" vs #N/A vs #DIV/0!. A multi-cell averaged range with no
  numbers is tested as #DIV/0! (error table); TURNS with an all-blank cogs range is left out.
- DEMANDCV / XYZ / ABCXYZ rows that are entirely blank: "" (blank rows stay clean) vs #DIV/0! / Z
  (fewer than 2 values).
- Which error wins when one range holds two different offending cells (text and an error, or two
  error codes).
- ABC with a negative value in a multi-row range, and bad cut-offs of ABC/XYZ/ABCXYZ: the test
  accepts one error for the call or a spill of that error in every cell.
- Results whose double rounding is not determined by the contract (near DBL_MAX, sums with heavy
  cancellation of non-integer data, ABC shares / XYZ CVs within 1e-9 of a cut for non-integer
  data, z(p) or the fill-rate k within 1e-6 of 0) and intermediate overflow where the result is
  finite (only a few labelled cases, where the contract's "a result that would overflow" decides).
- Results over the 5 MB / ~400,000-number limit (the threshold is "about").
- Booleans, whitespace-only strings, numbers given for `method`, 1xn ABC values.
"""


class Ambiguous(Exception):
    pass


def E(code):
    return {"error": code}


def CALL(code, or_filled=False):
    d = {"callError": code}
    if or_filled:
        d["orFilled"] = True
    return d


def is_err(v):
    return isinstance(v, dict) and "error" in v


def is_blank(v):
    return v is None or v == ""


def is_text(v):
    return isinstance(v, str) and v != ""


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def is_int_like(x):
    return is_num(x) and float(x).is_integer() and abs(x) < 2**50


def fr_mp(x):
    if isinstance(x, Fraction):
        return M(x.numerator) / x.denominator
    return M(x)


# ----------------------------------------------------------------------------- math (mpmath)


def Phi(x):
    return mp.ncdf(x)


def G(k):
    """Standard normal loss G(k) = φ(k) − k·(1−Φ(k)), with 1−Φ(k) = Φ(−k) (no cancellation)."""
    k = M(k)
    if k > 1e4:  # G(k) < φ(k) < 1e-10000 (mpmath erfc fails for huge k)
        return M(0)
    if k < -1e4:  # G(k) = −k + G(−k), G(−k) < 1e-10000
        return -k
    return mp.npdf(k) - k * mp.ncdf(-k)


G0 = G(0)


def zinv(p):
    """NORM.S.INV(p) by Newton on Φ at 50 digits from scipy's double guess."""
    p = M(p)
    if p == M("0.5"):
        return M(0)
    if p > M("0.5"):
        return -zinv(1 - p)
    z = M(float(ndtri(float(p))))
    for _ in range(200):
        dz = (mp.ncdf(z) - p) / mp.npdf(z)
        z -= dz
        if abs(dz) <= M(10) ** -45 * abs(z):
            break
    assert abs(mp.ncdf(z) / p - 1) < M(10) ** -35
    return z


def fill_k(r):
    """k > 0 with G(k) = r (0 < r < G(0)); Newton on log G (concave) from the right."""
    r = M(r)
    assert 0 < r < G0
    k = M(1)
    while G(k) > r:
        k *= 2
    lr = mp.log(r)
    for _ in range(1000):
        g = G(k)
        f = mp.log(g) - lr
        d = -mp.ncdf(-k) / g
        kn = k - f / d
        if abs(kn - k) <= M(10) ** -42 * abs(kn):
            k = kn
            break
        k = kn
    assert abs(G(k) / r - 1) < M(10) ** -35, (r, k)
    return k


def sigma_lt(sd, L, mean, sdL, R):
    return mp.sqrt((M(L) + M(R)) * M(sd) ** 2 + M(mean) ** 2 * M(sdL) ** 2)


def finish(x):
    """Round an exact/high-precision result to the double Excel gets; #NUM! if it overflows."""
    if isinstance(x, Fraction):
        x = fr_mp(x)
    x = M(x)
    if not mp.isfinite(x):
        raise Ambiguous("non-finite intermediate")
    ax = abs(x)
    if ax > DMAX * (1 + M("1e-6")):
        return E(NUM)
    if ax > DMAX * (1 - M("1e-6")):
        raise Ambiguous("result within 1e-6 of DBL_MAX")
    return float(x)


ILL_OK = [False]


def exact_sum(xs):
    """Σ of doubles exactly; Ambiguous when a correctly-rounded/compensated sum could differ in a
    way that matters (heavy cancellation of non-integer data)."""
    s = sum((Fraction(x) for x in xs), Fraction(0))
    if ILL_OK[0] or (all(is_int_like(x) for x in xs) and sum(abs(int(x)) for x in xs) < 2**52):
        return s
    mag = sum((abs(Fraction(x)) for x in xs), Fraction(0))
    if s == 0 and mag != 0:
        raise Ambiguous("non-integer sum cancels to exactly 0")
    if mag != 0 and abs(s) < mag * Fraction(1, 10**12):
        raise Ambiguous("ill-conditioned sum")
    return s


def pick_domain(viol):
    """viol: list of (arg_index, code). Decided only when 'argument order' and 'all #NUM! checks
    before the #DIV/0! zero-denominator checks' agree."""
    viol = sorted(viol, key=lambda t: t[0])
    a = viol[0][1]
    nums = [c for _, c in viol if c == NUM]
    b = nums[0] if nums else a
    if a != b:
        raise Ambiguous("#DIV/0! in an earlier argument vs #NUM! in a later one")
    return a


# ----------------------------------------------------------------------------- per-item functions


class Param:
    def __init__(self, name, required=True, default=None, kind="num"):
        self.name, self.required, self.default, self.kind = name, required, default, kind


class ItemSpec:
    def __init__(self, fn, params, domain, compute):
        self.fn, self.params, self.domain, self.compute = fn, params, domain, compute


def method_of(v):
    if is_blank(v):
        return "cycle"
    return v.strip().lower()


def eval_position(spec, cells, given, broadcast):
    ps = spec.params
    gidx = [i for i in range(len(ps)) if given[i]]
    if all(is_blank(cells[i]) for i in gidx):
        return ""
    ranged = [i for i in gidx if not broadcast[i]]
    if any(broadcast[i] and not is_blank(cells[i]) for i in gidx) and all(is_blank(cells[i]) for i in ranged):
        raise Ambiguous("broadcast value beside an all-blank range position")
    mi = next((i for i, p in enumerate(ps) if p.kind == "method"), None)
    phase1 = None
    for i, p in enumerate(ps):
        v = cells[i] if given[i] else None
        if p.kind == "fillq":
            m = cells[mi] if given[mi] else None
            if is_err(m) or method_of(m) != "fill":
                if is_err(v) or is_text(v) or (is_num(v) and v <= 0):
                    raise Ambiguous("order_qty bad while method is not fill")
                continue
        if is_err(v):
            phase1 = v["error"]
            break
        if p.kind == "method":
            if is_num(v):
                raise Ambiguous("number as method")
            continue
        if is_text(v):
            phase1 = VALUE
            break
        if is_blank(v) and p.required:
            phase1 = NA
            break
    special = False
    if mi is not None:
        m = cells[mi] if given[mi] else None
        if not is_err(m):
            mm = method_of(m)
            qi = next(i for i, p in enumerate(ps) if p.kind == "fillq")
            q = cells[qi] if given[qi] else None
            if mm not in ("cycle", "fill") or (mm == "fill" and is_blank(q)):
                special = True
    if special and phase1 is not None:
        if phase1 == VALUE:
            return E(VALUE)
        raise Ambiguous("unknown method / missing order_qty beside another error")
    if phase1 is not None:
        return E(phase1)
    vals = []
    for i, p in enumerate(ps):
        v = cells[i] if given[i] else None
        if p.kind == "method":
            vals.append(method_of(v))
        elif is_blank(v):
            vals.append(p.default)
        else:
            vals.append(v)
    viol = spec.domain(vals)
    if special:
        if viol:
            raise Ambiguous("unknown method / missing order_qty beside a domain error")
        return E(VALUE)
    if viol:
        return E(pick_domain(viol))
    res = spec.compute(vals)
    if isinstance(res, str):
        return res
    return finish(res)


def as_grid(a):
    if isinstance(a, list):
        assert a and all(isinstance(r, list) and len(r) == len(a[0]) and r for r in a), a
        return a
    return [[a]]


def eval_item(spec, args):
    n = len(spec.params)
    args = list(args) + [None] * (n - len(args))
    grids, given = [], []
    for i, p in enumerate(spec.params):
        a = args[i]
        if a is None and not p.required:
            grids.append(None)
            given.append(False)
        else:
            grids.append(as_grid(a))
            given.append(True)
    shapes = {(len(g), len(g[0])) for g in grids if g is not None} - {(1, 1)}
    if len(shapes) > 1:
        return CALL(VALUE)
    shape = shapes.pop() if shapes else (1, 1)
    bc = [g is not None and (len(g), len(g[0])) == (1, 1) and shape != (1, 1) for g in grids]
    out = []
    for r in range(shape[0]):
        row = []
        for c in range(shape[1]):
            cells = [None if g is None else (g[0][0] if b else g[r][c]) for g, b in zip(grids, bc)]
            row.append(eval_position(spec, cells, given, bc))
        out.append(row)
    return out[0][0] if shape == (1, 1) else out


# domain / compute of each per-item function (vals: defaults applied)


def d_ss(v):
    sl, sd, L, mean, sdL, R, method, Q = v
    out = []
    if not (0 < sl < 1):
        out.append((0, NUM))
    if sd < 0:
        out.append((1, NUM))
    if L < 0:
        out.append((2, NUM))
    if sdL < 0:
        out.append((4, NUM))
    if R < 0:
        out.append((5, NUM))
    if method == "fill" and Q is not None and Q <= 0:
        raise Ambiguous("order_qty <= 0 with fill")
    return out


def c_ss(v):
    sl, sd, L, mean, sdL, R, method, Q = v
    sig = sigma_lt(sd, L, mean, sdL, R)
    if sig == 0:
        return M(0)
    if method == "cycle":
        z = zinv(sl)
        if z == 0:
            return M(0)
        if abs(z) < M("1e-6"):
            raise Ambiguous("z(sl) ~ 0")
        if z < 0:
            if sig > DMAX:
                raise Ambiguous("sigmaLT overflows, result 0")
            return M(0)
        res = z * sig
        if sig > DMAX and res <= DMAX * (1 + M("1e-6")):
            raise Ambiguous("sigmaLT overflows, result not clearly over DBL_MAX")
        return res
    r = (1 - M(sl)) * M(Q) / sig
    if abs(r / G0 - 1) < M("1e-5"):
        raise Ambiguous("fill k ~ 0")
    if r > G0:
        if sig > DMAX:
            raise Ambiguous("sigmaLT overflows, result 0")
        return M(0)
    if sig > DMAX:
        raise Ambiguous("sigmaLT overflows")
    return fill_k(r) * sig


def d_sl(v):
    ss, sd, L, mean, sdL, R = v
    out = []
    if sd < 0:
        out.append((1, NUM))
    if L < 0:
        out.append((2, NUM))
    if sdL < 0:
        out.append((4, NUM))
    if R < 0:
        out.append((5, NUM))
    if not out and sigma_lt(sd, L, mean, sdL, R) == 0:
        out.append((99, DIV))
    return out


def c_sl(v):
    ss, sd, L, mean, sdL, R = v
    sig = sigma_lt(sd, L, mean, sdL, R)
    if sig > DMAX:
        raise Ambiguous("sigmaLT overflows")
    x = M(ss) / sig
    if abs(x) > M("1e300"):
        raise Ambiguous("ratio overflows")
    return Phi(x)


def d_fr(v):
    Q, ss, sig = v
    if Q < 0:
        raise Ambiguous("negative order_qty")
    out = []
    if Q == 0:
        out.append((0, DIV))
    if sig < 0:
        out.append((2, NUM))
    return out


def c_fr(v):
    Q, ss, sig = v
    Q, ss, sig = M(Q), M(ss), M(sig)
    if sig == 0:
        return 1 - max(M(0), -ss) / Q
    x = ss / sig
    if abs(x) > M("1e300"):
        raise Ambiguous("ss/sigma overflows")
    t = sig * G(x) / Q
    res = 1 - t
    if res == 0 or abs(res) < M("1e-4") * max(M(1), abs(t)):
        raise Ambiguous("1 - t cancels")
    return res


def d_rop(v):
    return [(1, NUM)] if v[1] < 0 else []


def c_rop(v):
    mean, L, ss = v
    p = M(mean) * M(L)
    res = p + M(ss)
    if not (is_int_like(mean) and is_int_like(L) and is_int_like(ss) and abs(mean * L) < 2**50):
        if res == 0 or abs(res) < M("1e-6") * abs(p):
            raise Ambiguous("mean*L + ss cancels")
    return res


def d_eoq(v):
    D, S, c, h = v
    out = []
    if D < 0:
        out.append((0, NUM))
    if S < 0:
        out.append((1, NUM))
    if c < 0:
        out.append((2, NUM))
    if c == 0:
        out.append((2, DIV))
    if h < 0:
        out.append((3, NUM))
    if h == 0:
        out.append((3, DIV))
    return out


def c_eoq(v):
    D, S, c, h = (M(x) for x in v)
    return mp.sqrt(2 * D * S / (h * c))


def d_dos(v):
    oh, d = v
    if d < 0:
        return [(1, NUM)]
    if d == 0:
        return [(1, DIV)]
    return []


def c_dos(v):
    return M(v[0]) / M(v[1])


def c_nl(v):
    return G(v[0])


def d_slt(v):
    sd, L, mean, sdL, R = v
    out = []
    if sd < 0:
        out.append((0, NUM))
    if L < 0:
        out.append((1, NUM))
    if sdL < 0:
        out.append((3, NUM))
    if R < 0:
        out.append((4, NUM))
    return out


def c_slt(v):
    return sigma_lt(*v)


def d_gm(v):
    if v[1] < 0:
        return [(1, NUM)]
    if v[1] == 0:
        return [(1, DIV)]
    return []


def c_gm(v):
    return M(v[0]) / M(v[1])


def d_rel(v):
    cur, tgt, cogs, days = v
    if cur < 0 or tgt < 0:
        raise Ambiguous("negative dio")
    out = []
    if cogs < 0:
        out.append((2, NUM))
    if days < 0:
        out.append((3, NUM))
    if days == 0:
        out.append((3, DIV))
    return out


def c_rel(v):
    cur, tgt, cogs, days = (M(x) for x in v)
    return max(M(0), cur - tgt) * cogs / days


def d_ccc(v):
    if any(x < 0 for x in v):
        raise Ambiguous("negative dio/dso/dpo")
    return []


def c_ccc(v):
    a, b, c = v
    res = M(a) + M(b) - M(c)
    if not all(is_int_like(x) for x in v):
        if res == 0 or abs(res) < M("1e-6") * (abs(M(a)) + abs(M(b)) + abs(M(c))):
            raise Ambiguous("dio + dso - dpo cancels")
    if abs(M(a) + M(b)) > DMAX and abs(res) <= DMAX * (1 + M("1e-6")):
        raise Ambiguous("intermediate overflow")
    return res


SPECS = {
    "SAFETYSTOCK": ItemSpec(
        "SAFETYSTOCK",
        [
            Param("service_level"),
            Param("demand_sd"),
            Param("lead_time"),
            Param("demand_mean", False, 0),
            Param("lead_time_sd", False, 0),
            Param("review_period", False, 0),
            Param("method", False, "cycle", "method"),
            Param("order_qty", False, None, "fillq"),
        ],
        d_ss,
        c_ss,
    ),
    "SERVICELEVEL": ItemSpec(
        "SERVICELEVEL",
        [
            Param("safety_stock"),
            Param("demand_sd"),
            Param("lead_time"),
            Param("demand_mean", False, 0),
            Param("lead_time_sd", False, 0),
            Param("review_period", False, 0),
        ],
        d_sl,
        c_sl,
    ),
    "FILLRATE": ItemSpec("FILLRATE", [Param("order_qty"), Param("safety_stock"), Param("sigma_lt")], d_fr, c_fr),
    "REORDERPOINT": ItemSpec(
        "REORDERPOINT", [Param("demand_mean"), Param("lead_time"), Param("safety_stock")], d_rop, c_rop
    ),
    "EOQ": ItemSpec(
        "EOQ",
        [Param("annual_demand"), Param("order_cost"), Param("unit_cost"), Param("holding_rate")],
        d_eoq,
        c_eoq,
    ),
    "DAYSOFSUPPLY": ItemSpec("DAYSOFSUPPLY", [Param("on_hand"), Param("daily_demand")], d_dos, c_dos),
    "NORMLOSS": ItemSpec("NORMLOSS", [Param("k")], lambda v: [], c_nl),
    "SIGMALT": ItemSpec(
        "SIGMALT",
        [
            Param("demand_sd"),
            Param("lead_time"),
            Param("demand_mean", False, 0),
            Param("lead_time_sd", False, 0),
            Param("review_period", False, 0),
        ],
        d_slt,
        c_slt,
    ),
    "GMROII": ItemSpec("GMROII", [Param("gross_margin"), Param("average_inventory_cost")], d_gm, c_gm),
    "RELEASE": ItemSpec(
        "RELEASE",
        [Param("current_dio"), Param("target_dio"), Param("cogs"), Param("days", False, 365)],
        d_rel,
        c_rel,
    ),
    "CCC": ItemSpec("CCC", [Param("dio"), Param("dso"), Param("dpo")], d_ccc, c_ccc),
}


# ----------------------------------------------------------------------------- aggregating functions


def flat(a):
    return [c for r in as_grid(a) for c in r]


def scan(cells):
    """Phase 1 over one range argument: the code of its offending cells (text -> #VALUE!)."""
    codes = set()
    for v in cells:
        if is_err(v):
            codes.add(v["error"])
        elif is_text(v):
            codes.add(VALUE)
    if len(codes) > 1:
        raise Ambiguous("two different offending cells in one range")
    return codes.pop() if codes else None


def scalar_opt(v, default):
    """A single-value optional argument: (phase-1 code, value)."""
    if isinstance(v, list):
        assert len(v) == 1 and len(v[0]) == 1
        v = v[0][0]
    if is_err(v):
        return v["error"], None
    if is_text(v):
        return VALUE, None
    if is_blank(v):
        return None, default
    return None, v


def single_blank(a):
    g = as_grid(a)
    return len(g) == 1 and len(g[0]) == 1 and is_blank(g[0][0])


def eval_ratio(args, kind):
    """DIO/DSO/DPO: average(first) ÷ Σ(second) × days; TURNS: Σ cogs ÷ average inventory."""
    args = list(args) + [None] * (3 - len(args))
    a, b = args[0], args[1]
    if single_blank(a) or single_blank(b):
        raise Ambiguous("a required argument is one blank cell")
    ca, cb = flat(a), flat(b)
    if all(is_blank(x) for x in ca) and all(is_blank(x) for x in cb):
        raise Ambiguous("all blank")
    codes = [scan(ca), scan(cb)]
    if kind != "TURNS":
        dcode, days = scalar_opt(args[2], 365)
        codes.append(dcode)
    for c in codes:
        if c is not None:
            return E(c)
    na = [x for x in ca if is_num(x)]
    nb = [x for x in cb if is_num(x)]
    viol = []
    if kind == "TURNS":
        cogs, inv = na, nb
        if not cogs:
            raise Ambiguous("TURNS with no cogs numbers")
        if any(x < 0 for x in cogs):
            viol.append((0, NUM))
        if any(x < 0 for x in inv):
            viol.append((1, NUM))
        if not inv or sum(Fraction(x) for x in inv) == 0:
            viol.append((1, DIV))
        if viol:
            return E(pick_domain(viol))
        avg = exact_sum(inv) / len(inv)
        return finish(exact_sum(cogs) / avg)
    bal, flow = na, nb
    if any(x < 0 for x in bal):
        viol.append((0, NUM))
    if not bal:
        viol.append((0, DIV))
    if kind == "DSO" and any(x < 0 for x in flow):
        raise Ambiguous("negative revenue")
    if any(x < 0 for x in flow):
        viol.append((1, NUM))
    if sum(Fraction(x) for x in flow) == 0:
        viol.append((1, DIV))
    if days <= 0:
        viol.append((2, NUM))
    if viol:
        return E(pick_domain(viol))
    avg = exact_sum(bal) / len(bal)
    return finish(avg / exact_sum(flow) * Fraction(days))


def eval_accuracy(args, kind):
    A, F = args[0], args[1]
    ga, gf = as_grid(A), as_grid(F)
    ca, cf = flat(A), flat(F)
    offending = any(is_err(x) or is_text(x) for x in ca + cf)
    if (len(ga), len(ga[0])) != (len(gf), len(gf[0])):
        if offending:
            raise Ambiguous("shape mismatch beside offending cells")
        return E(VALUE)
    p1 = scan(ca) or scan(cf)
    misaligned = any(is_blank(x) != is_blank(y) for x, y in zip(ca, cf))
    if misaligned:
        if p1 is not None and p1 != VALUE:
            raise Ambiguous("misaligned blanks beside an error value")
        return E(VALUE)
    if p1 is not None:
        return E(p1)
    pairs = [(x, y) for x, y in zip(ca, cf) if not is_blank(x)]
    if not pairs:
        raise Ambiguous("all blank")
    if kind == "WAPE":
        den = exact_sum([abs(x) for x, _ in pairs])
        if den == 0:
            return E(DIV)
        num = exact_sum([abs(float(x) - float(y)) for x, y in pairs])
        return finish(num / den)
    if kind == "MAPE":
        terms = [Fraction(abs(float(x) - float(y))) / abs(Fraction(x)) for x, y in pairs if x != 0]
        if not terms:
            return E(DIV)
        return finish(sum(terms, Fraction(0)) / len(terms))
    # BIAS
    den = exact_sum([x for x, _ in pairs])
    if den == 0:
        return E(DIV)
    num = exact_sum([float(y) - float(x) for x, y in pairs])
    return finish(num / den)


def row_stats(vals):
    """(count, exact mean, exact sample variance) of one row's numbers."""
    n = len(vals)
    s = exact_sum(vals)
    mean = s / n
    var = sum(((Fraction(x) - mean) ** 2 for x in vals), Fraction(0)) / (n - 1) if n >= 2 else None
    return n, mean, var


def cv_of(vals):
    n, mean, var = row_stats(vals)
    if var == 0:
        if not all(is_int_like(x) for x in vals):
            raise Ambiguous("zero variance of non-integers")
        return mp.mpf(0)
    cv = mp.sqrt(fr_mp(var)) / fr_mp(mean)
    if abs(cv) < M("1e-6"):
        raise Ambiguous("CV too small to be rounding-proof")
    return cv


def eval_demandcv(args):
    g = as_grid(args[0])
    out = []
    for row in g:
        if all(is_blank(x) for x in row):
            raise Ambiguous("all-blank DEMANDCV row")
        c = scan(row)
        if c is not None:
            out.append([E(c)])
            continue
        vals = [x for x in row if is_num(x)]
        if len(vals) < 2:
            out.append([E(DIV)])
            continue
        n, mean, var = row_stats(vals)
        if mean == 0:
            out.append([E(DIV)])
            continue
        out.append([finish(cv_of(vals))])
    return out


def xyz_label(row, x_cut, y_cut, exact_ok):
    vals = [x for x in row if is_num(x)]
    if len(vals) < 2:
        return "Z"
    n, mean, var = row_stats(vals)
    if mean <= 0:
        return "Z"
    # cv <= cut  <=>  var <= (cut*mean)^2 (mean > 0)
    def le(cut):
        lhs, rhs = var, (Fraction(cut) * mean) ** 2
        if lhs == rhs:
            if not exact_ok:
                raise Ambiguous("CV exactly on a cut (not a rounding-proof construction)")
            return True
        if rhs > 0 and abs(lhs / rhs - 1) < Fraction(1, 10**8):
            raise Ambiguous("CV within 1e-9 of a cut")
        return lhs < rhs

    if le(x_cut):
        return "X"
    if le(y_cut):
        return "Y"
    return "Z"


def abc_labels(vals, a, b):
    """vals: exact values (blank = 0), input order."""
    n = len(vals)
    fv = [Fraction(v) for v in vals]
    total = sum(fv, Fraction(0))
    if total == 0:
        return ["C"] * n
    ints = all(is_int_like(v) for v in vals) and sum(abs(int(v)) for v in vals) < 2**52
    if not ints:
        exact_sum(vals)
    order = sorted(range(n), key=lambda i: -fv[i])  # stable: ties keep input order
    labels = [None] * n
    run = Fraction(0)

    def lt(share, cut):
        if ints:
            return float(share) < cut  # float(Fraction) is correctly rounded, as S / T in doubles
        if share == 0:
            return 0 < cut
        c = Fraction(cut)
        if abs(share - c) <= Fraction(1, 10**9):
            raise Ambiguous("ABC share within 1e-9 of a cut (non-integer data)")
        return share < c

    for i in order:
        share = run / total
        labels[i] = "A" if lt(share, a) else ("B" if lt(share, b) else "C")
        run += fv[i]
    return labels


def column_cells(a):
    g = as_grid(a)
    if len(g[0]) != 1:
        raise Ambiguous("values not n x 1")
    return [r[0] for r in g]


def eval_classify(fn, args, exact_ok=False):
    """ABC(values,[a],[b]); XYZ(history,[x],[y]); ABCXYZ(values, history, [a],[b],[x],[y])."""
    if fn == "ABC":
        args = list(args) + [None] * (3 - len(args))
        vcells, hist, cuts = column_cells(args[0]), None, [(args[1], 0.8), (args[2], 0.95)]
    elif fn == "XYZ":
        args = list(args) + [None] * (3 - len(args))
        vcells, hist, cuts = None, as_grid(args[0]), [(args[1], 0.5), (args[2], 1.0)]
    else:
        args = list(args) + [None] * (6 - len(args))
        vcells, hist = column_cells(args[0]), as_grid(args[1])
        cuts = [(args[2], 0.8), (args[3], 0.95), (args[4], 0.5), (args[5], 1.0)]
    if hist is not None and any(all(is_blank(x) for x in r) for r in hist):
        raise Ambiguous("all-blank history row")
    range_codes = []
    if vcells is not None:
        range_codes.append(scan(vcells))
    if hist is not None:
        range_codes.append(scan([x for r in hist for x in r]))
    if fn == "ABCXYZ" and len(vcells) != len(hist):
        if any(c is not None for c in range_codes):
            raise Ambiguous("row-count mismatch beside offending cells")
        bad = False
        for v, d in cuts:
            c, _ = scalar_opt(v, d)
            bad = bad or c is not None
        if bad:
            raise Ambiguous("row-count mismatch beside bad cut-offs")
        return CALL(VALUE)
    for c in range_codes:
        if c is not None:
            return CALL(c)
    cutvals = []
    for v, d in cuts:
        c, x = scalar_opt(v, d)
        if c is not None:
            return CALL(c, True)
        cutvals.append(x)
    viol = False
    if vcells is not None:
        if any(is_num(x) and x < 0 for x in vcells):
            if len(vcells) > 1 and fn == "ABC":
                pass  # a spill of #NUM! or one #NUM!: both accepted (orFilled)
            viol = True
    if fn in ("ABC", "ABCXYZ"):
        a, b = cutvals[0], cutvals[1]
        if not (0 <= a <= b <= 1):
            viol = True
    if fn in ("XYZ", "ABCXYZ"):
        x, y = cutvals[-2], cutvals[-1]
        if not (0 <= x <= y):
            viol = True
    if viol:
        return CALL(NUM, True)
    out = []
    if vcells is not None:
        abc = abc_labels([0 if is_blank(v) else v for v in vcells], cutvals[0], cutvals[1])
    if hist is not None:
        xyz = [xyz_label(r, cutvals[-2], cutvals[-1], exact_ok) for r in hist]
    n = len(vcells) if vcells is not None else len(hist)
    for i in range(n):
        if fn == "ABC":
            out.append([abc[i]])
        elif fn == "XYZ":
            out.append([xyz[i]])
        else:
            out.append([abc[i] + xyz[i]])
    return out


def evaluate(fn, args, exact_ok=False):
    if fn in SPECS:
        return eval_item(SPECS[fn], args)
    if fn in ("DIO", "DSO", "DPO", "TURNS"):
        return eval_ratio(args, fn)
    if fn in ("WAPE", "MAPE", "BIAS"):
        return eval_accuracy(args, fn)
    if fn == "DEMANDCV":
        return eval_demandcv(args)
    if fn in ("ABC", "XYZ", "ABCXYZ"):
        return eval_classify(fn, args, exact_ok)
    raise KeyError(fn)


# ----------------------------------------------------------------------------- case building

RNG = random.Random(20250611)
CASES = []
DROPPED = []


def add(fn, args, note, expect=None, exact_ok=False, tol=None, ill_ok=False):
    """Add a case whose expected value comes from the reference; `expect` (optional) is a
    hand-derived value the reference must agree with (textbook check of the reference itself).
    ill_ok: a sum with heavy cancellation whose exact value a compensated sum reproduces."""
    ILL_OK[0] = ill_ok
    try:
        got = evaluate(fn, args, exact_ok)
    except Ambiguous as e:
        DROPPED.append((fn, note, str(e)))
        return False
    finally:
        ILL_OK[0] = False
    if expect is not None:
        check_expect(got, expect, tol, fn, note)
    CASES.append({"fn": fn, "args": args, "expected": got, "note": note})
    return True


def check_expect(got, expect, tol, fn, note):
    def norm(x):
        return x if isinstance(x, list) else [[x]]

    g, e = norm(got), norm(expect)
    ok = len(g) == len(e) and all(len(r1) == len(r2) for r1, r2 in zip(g, e))
    if ok:
        for r1, r2 in zip(g, e):
            for a, b in zip(r1, r2):
                if isinstance(b, float) and isinstance(a, float):
                    t = tol if tol is not None else 1e-12
                    ok = ok and abs(a - b) <= t * max(abs(b), 1e-300)
                else:
                    ok = ok and a == b
    if not ok:
        raise AssertionError(f"reference disagrees with hand value: {fn} {note}: {got} vs {expect}")


def lu(lo, hi, r=RNG):
    """log-uniform, 6 significant digits."""
    return float(f"{10 ** r.uniform(lo, hi):.6g}")


def sc(v, r=RNG):
    """a single value as Excel may pass it: plain or 1x1."""
    return [[v]] if r.random() < 0.5 else v


def col(vals):
    return [[v] for v in vals]


def blank(r=RNG):
    return None if r.random() < 0.5 else ""


def text(r=RNG):
    return r.choice(["abc", "12", "1e3", "n/a", "0.95", "x"])


def errv(r=RNG):
    return E(r.choice(INPUT_ERRORS))


def trim(args, n_required):
    """Omitted trailing optionals may arrive as undefined (shorter argument list) or null."""
    args = list(args)
    if RNG.random() < 0.5:
        while len(args) > n_required and args[-1] is None:
            args.pop()
    return args


def describe(v):
    if is_err(v):
        return v["error"]
    if v is None:
        return "null"
    if v == "":
        return '""'
    if isinstance(v, str):
        return repr(v)
    return f"{v:g}"


# ---- random per-item cases


def random_item_case(fn, gens, bads, shape, p_bc=0.35, p_fault=0.0, p_omit=0.3, blank_row=False, label="", tries=60):
    spec = SPECS[fn]
    ps = spec.params
    for _ in range(tries):
        nr, nc = shape
        args, faults = [], []
        multi = shape != (1, 1)
        for i, p in enumerate(ps):
            if not p.required and RNG.random() < p_omit:
                args.append(None)
                continue
            if multi and RNG.random() < p_bc:
                cellsets = [[gens[i]()]]
                broadcast = True
            else:
                cellsets = [[gens[i]() for _ in range(nc)] for _ in range(nr)]
                broadcast = False
            if p_fault and not broadcast:
                for r in range(nr):
                    for c in range(nc):
                        if RNG.random() < p_fault:
                            kind = RNG.choice(["err", "text", "blank", "bad", "bad"])
                            if kind == "bad" and bads.get(i):
                                v = RNG.choice(bads[i])
                            elif kind == "err":
                                v = errv()
                            elif kind == "text":
                                v = text()
                            else:
                                v = blank()
                            if kind == "bad" and not bads.get(i):
                                continue
                            cellsets[r][c] = v
                            faults.append(f"({r + 1},{c + 1}) {p.name}={describe(v)}")
            if broadcast:
                args.append(sc(cellsets[0][0]))
            elif shape == (1, 1):
                args.append(sc(cellsets[0][0]))
            else:
                args.append(cellsets)
        if blank_row and multi and not any(
            a is not None and not isinstance(a, list) or (isinstance(a, list) and len(a) == 1 and len(a[0]) == 1)
            for a in args
        ):
            r = RNG.randrange(nr)
            for a in args:
                if a is not None:
                    for c in range(nc):
                        a[r][c] = blank()
            faults.append(f"row {r + 1} all blank")
        note = f"{label} {nr}x{nc}"
        omitted = [ps[i].name for i, a in enumerate(args) if a is None]
        if omitted:
            note += f", omitted {','.join(omitted)}"
        bcs = [ps[i].name for i, a in enumerate(args) if multi and a is not None and not isinstance(a, list)]
        bcs += [ps[i].name for i, a in enumerate(args) if multi and isinstance(a, list) and len(a) == 1 and len(a[0]) == 1]
        if bcs:
            note += f", broadcast {','.join(bcs)}"
        if faults:
            note += "; " + "; ".join(faults)
        if add(fn, trim(args, sum(p.required for p in ps)), note.strip()):
            return True
    return False


def mix(*choices):
    """choose a generator by weight: mix((w, gen), ...)"""

    def g():
        tot = sum(w for w, _ in choices)
        x = RNG.uniform(0, tot)
        for w, f in choices:
            x -= w
            if x <= 0:
                return f()
        return choices[-1][1]()

    return g


def const(v):
    return lambda: v


def neg(g):
    return lambda: -g()


SHAPES = [(1, 1), (1, 1), (3, 1), (5, 1), (8, 1), (1, 4), (2, 3), (12, 1)]


def shape_pick():
    return RNG.choice(SHAPES)


# generators (valid values, many orders of magnitude)
g_sl = mix(
    (4, lambda: round(RNG.uniform(0.5, 0.999), 6)),
    (2, lambda: float(f"{1 - 10 ** RNG.uniform(-12, -1):.15g}")),
    (1, lambda: round(RNG.uniform(0.01, 0.5), 6)),
    (1, lambda: lu(-12, -2)),
    (1, lambda: RNG.choice([0.9, 0.95, 0.975, 0.98, 0.99, 0.995, 0.999])),
)
g_sd = mix((6, lambda: lu(-4, 8)), (1, const(0)), (1, lambda: float(RNG.randint(1, 500))))
g_L = mix((5, lambda: lu(-2, 3)), (1, const(0)), (2, lambda: float(RNG.randint(1, 60))))
g_mean = mix((4, lambda: lu(-3, 8)), (1, neg(lambda: lu(-3, 6))), (2, const(0)))
g_sdL = mix((3, lambda: lu(-3, 2)), (2, const(0)))
g_R = mix((3, const(0)), (2, lambda: lu(-1, 2)), (1, lambda: float(RNG.choice([1, 7, 30]))))
g_Q = mix((5, lambda: lu(-3, 9)), (1, lambda: float(RNG.randint(1, 1000))))
g_ss_any = mix((4, lambda: lu(-3, 7)), (2, neg(lambda: lu(-3, 6))), (1, const(0)))
g_pos = lambda lo, hi: (lambda: lu(lo, hi))

B_PROB = [0, 1, -0.1, 1.5, 100, -1e-300]
B_NEG = [-1, -0.001, -1e6, -1e-12]
B_NEGZ = [-1, -0.001, -1e6, 0, 0.0]


def gen_safetystock(n):
    gens = [g_sl, g_sd, g_L, g_mean, g_sdL, g_R, None, g_Q]
    bads = {0: B_PROB, 1: B_NEG, 2: B_NEG, 4: B_NEG, 5: B_NEG}
    made = 0
    while made < n:
        method = RNG.choice(["cycle", "fill", "fill", "FILL", " Fill ", "Cycle", None, "", "omit"])
        shape = shape_pick()
        fault = RNG.choice([0, 0, 0.15, 0.3])
        gl = list(gens)
        if method == "omit":
            gl[6] = const(None)
        else:
            gl[6] = const(method)
        is_fill = method not in ("omit", None, "") and method.strip().lower() == "fill"
        if not is_fill:
            gl[7] = const(None)
        spec = SPECS["SAFETYSTOCK"]
        # method is always a single value here; order_qty required when fill
        ok = _random_ss(gl, bads, shape, fault, method, is_fill)
        made += ok


def _random_ss(gl, bads, shape, fault, method, is_fill):
    ps = SPECS["SAFETYSTOCK"].params
    for _ in range(60):
        nr, nc = shape
        multi = shape != (1, 1)
        args, faults = [], []
        for i, p in enumerate(ps):
            if i == 6:
                args.append(None if method == "omit" else sc(method))
                continue
            if i == 7:
                if not is_fill:
                    args.append(None)
                    continue
            elif not p.required and RNG.random() < 0.3:
                args.append(None)
                continue
            bc = multi and RNG.random() < 0.35
            if bc or not multi:
                args.append(sc(gl[i]()))
                continue
            grid = [[gl[i]() for _ in range(nc)] for _ in range(nr)]
            for r in range(nr):
                for c in range(nc):
                    if fault and RNG.random() < fault / 3:
                        kind = RNG.choice(["err", "text", "blank", "bad", "bad"])
                        if kind == "bad":
                            if i not in bads:
                                continue
                            v = RNG.choice(bads[i])
                        elif kind == "err":
                            v = errv()
                        elif kind == "text":
                            v = text()
                        else:
                            v = blank()
                        grid[r][c] = v
                        faults.append(f"({r + 1},{c + 1}) {p.name}={describe(v)}")
            args.append(grid)
        note = f"random {'fill' if is_fill else 'cycle'} (method {method!r}) {nr}x{nc}"
        omitted = [ps[i].name for i, a in enumerate(args) if a is None and i != 7]
        if omitted:
            note += f", omitted {','.join(omitted)}"
        if faults:
            note += "; " + "; ".join(faults)
        if add("SAFETYSTOCK", trim(args, 3), note):
            return 1
    return 0


# ----------------------------------------------------------------------------- the cases


def cases_safetystock():
    fn = "SAFETYSTOCK"
    # textbook
    add(fn, [0.95, 10, 4], "textbook: z(0.95)=1.644854 x 10 x sqrt(4) = 32.897", expect=32.89707253902945, tol=1e-12)
    add(fn, [[[0.95]], [[10]], [[4]]], "textbook as 1x1 ranges", expect=32.89707253902945, tol=1e-12)
    add(fn, [0.99, 100, 9], "textbook: z(0.99)=2.326348 x 100 x 3 = 697.90", expect=697.9043622122522, tol=1e-12)
    add(fn, [0.95, 10, 4, 100, 1], "sigmaLT with lead-time variability sqrt(4*100+100^2*1) = 101.98")
    add(fn, [0.95, 10, 4, 100, 1, 2], "sigmaLT with review period: sqrt(6*100 + 10000)")
    add(fn, [0.95, 10, 4, -100, 1], "negative demand_mean allowed (|mean| used)")
    add(fn, [0.95, 10, 4, None, None, None, "cycle"], "explicit cycle = default")
    add(fn, [0.95, 10, 4, 0, 0, 0, "cycle", None], "explicit zeros = defaults")
    add(fn, [0.95, 10, 4, "", "", "", "", ""], "blank optionals take defaults (cycle, 0s)")
    add(fn, [0.95, 10, 4, [[None]], [[""]], None, [[None]]], "blank 1x1 optionals take defaults")
    add(fn, [0.95, 10, 4, None, None, None, "  CYCLE "], "method case-insensitive, spaces trimmed")
    add(fn, [0.95, 10, 4, None, None, None, "cycle", 50], "order_qty ignored by cycle")
    # fill
    add(fn, [0.98, 20, 1, None, None, None, "fill", 100], "fill: G(k)=0.02*100/20=0.1 -> k=0.9015, SS=18.03")
    add(fn, [0.98, 20, 1, None, None, None, "FILL", 100], "fill method upper case")
    add(fn, [0.98, 20, 1, None, None, None, " Fill ", 100], "fill method with spaces")
    add(fn, [0.99, 50, 4, 10, 0.5, 1, "fill", 500], "fill with all sigmaLT terms")
    add(fn, [0.9, 10, 1, None, None, None, "fill", 1000], "fill: (1-sl)Q/sigma=10 > G(0) -> k<0 -> SS 0")
    add(fn, [0.5, 10, 1, None, None, None, "fill", 4], "fill: k<0 -> max(0, .) = 0")
    add(fn, [0.999, 10, 1, None, None, None, "fill", 1], "fill: tiny RHS -> large k")
    add(fn, [0.95, 10, 4, None, None, None, "fill", [[100]]], "fill with order_qty as 1x1")
    # limits
    add(fn, [0.95, 0, 4], "sigmaLT = 0 (sd 0) -> SS 0, not an error", expect=0.0)
    add(fn, [0.95, 10, 0], "lead time 0, no review -> sigmaLT 0 -> SS 0", expect=0.0)
    add(fn, [0.95, 10, 0, None, None, 4], "lead time 0 with review period 4")
    add(fn, [0.95, 10, 0, 50, 2], "lead time 0: sigmaLT = |mean|*sdL")
    add(fn, [0.95, 0, 4, None, None, None, "fill", 100], "fill with sigmaLT = 0 -> SS 0", expect=0.0)
    add(fn, [0.95, 10, 0, None, None, None, "fill", 100], "fill, lead time 0 -> sigmaLT 0 -> SS 0", expect=0.0)
    add(fn, [0.5, 10, 4], "z(0.5) = 0 exactly -> SS 0", expect=0.0)
    add(fn, [0.3, 10, 4], "z < 0 -> max(0, .) = 0", expect=0.0)
    add(fn, [1e-12, 10, 4], "sl = 1e-12 -> z = -7.03 -> 0", expect=0.0)
    add(fn, [1 - 1e-12, 10, 4], "sl = 1-1e-12 -> z = 7.034")
    add(fn, [1 - 1e-15, 1, 1], "sl = 1-1e-15 -> z = 7.94")
    add(fn, [0.999999, 1e-300, 1], "tiny sd 1e-300")
    add(fn, [1 - 1e-12, 1, 1, None, None, None, "fill", 1e-6], "fill: sl 1-1e-12, tiny Q -> k ~ 8.3")
    add(fn, [1 - 1e-12, 1e6, 1, None, None, None, "fill", 1e-3], "fill: RHS 1e-21 -> k ~ 9.4")
    add(fn, [0.95, 1, 1, None, None, None, "fill", 1e12], "fill: huge Q -> SS 0")
    add(fn, [1e-12, 1, 1, None, None, None, "fill", 1e-9], "fill: sl 1e-12 but tiny Q -> k > 0")
    add(fn, [0.999, 1e308, 4], "overflow: 3.09 x 2e308 -> #NUM!", expect=E(NUM))
    add(fn, [0.999, 1e300, 1e10], "intermediate overflow: sd^2 overflows naively; SS = 3.09e305 is finite")
    add(fn, [0.99, 1e200, 4], "intermediate overflow: sd^2 overflows naively; SS = 4.65e200 is finite")
    add(fn, [0.95, 1e160, 1, 1e160, 1], "intermediate overflow: mean^2 and sd^2 overflow naively; SS finite")
    add(fn, [0.999, 1e306, 100], "intermediate overflow: sd^2 overflows naively; SS = 3.09e307 is finite")
    add(fn, [0.9999, 1e306, 1e4], "overflow: 3.72 x 1e308 -> #NUM!", expect=E(NUM))
    add(fn, [0.999, 10, 4, None, None, None, "fill", 1e-300], "fill: Q 1e-300 -> RHS 5e-305 -> k ~ 37.3")
    # argument rules, all single values
    add(fn, [1, 10, 4], "sl = 1 -> #NUM! (outside (0,1))", expect=E(NUM))
    add(fn, [0, 10, 4], "sl = 0 -> #NUM!", expect=E(NUM))
    add(fn, [1.5, 10, 4], "sl = 1.5 -> #NUM!", expect=E(NUM))
    add(fn, [-0.5, 10, 4], "sl negative -> #NUM!", expect=E(NUM))
    add(fn, [0.95, -1, 4], "negative sd -> #NUM!", expect=E(NUM))
    add(fn, [0.95, 10, -1], "negative lead time -> #NUM!", expect=E(NUM))
    add(fn, [0.95, 10, 4, 10, -1], "negative lead_time_sd -> #NUM!", expect=E(NUM))
    add(fn, [0.95, 10, 4, 0, 0, -1], "negative review period -> #NUM!", expect=E(NUM))
    add(fn, [0.95, 10, 4, None, None, None, "fill"], "fill without order_qty -> #VALUE!", expect=E(VALUE))
    add(fn, [0.95, 10, 4, None, None, None, "fill", None], "fill with null order_qty -> #VALUE!", expect=E(VALUE))
    add(fn, [0.95, 10, 4, None, None, None, "fill", ""], "fill with blank order_qty -> #VALUE!", expect=E(VALUE))
    add(fn, [0.95, 10, 4, None, None, None, "fill", [[None]]], "fill with blank 1x1 order_qty -> #VALUE!", expect=E(VALUE))
    add(fn, [0.95, 10, 4, None, None, None, "periodic"], "unknown method -> #VALUE!", expect=E(VALUE))
    add(fn, [0.95, 10, 4, None, None, None, "fill rate", 10], "unknown method 'fill rate' -> #VALUE!", expect=E(VALUE))
    add(fn, [0.95, 10, 4, None, None, None, "fill", "100"], "order_qty text under fill -> #VALUE!", expect=E(VALUE))
    add(fn, [0.95, 10, 4, None, None, None, "fill", E("#REF!")], "order_qty error under fill propagates", expect=E("#REF!"))
    add(fn, [0.95, 10, 4, None, None, None, E("#N/A")], "method error propagates", expect=E(NA))
    add(fn, ["0.95", 10, 4], "number stored as text -> #VALUE!", expect=E(VALUE))
    add(fn, [0.95, "ten", 4], "text sd -> #VALUE!", expect=E(VALUE))
    add(fn, [0.95, 10, 4, "x"], "text in optional demand_mean -> #VALUE!", expect=E(VALUE))
    add(fn, [E("#N/A"), 10, 4], "error in service_level propagates", expect=E(NA))
    add(fn, [0.95, E("#DIV/0!"), 4], "error in demand_sd propagates", expect=E(DIV))
    add(fn, [0.95, 10, 4, None, E("#NAME?")], "error in optional lead_time_sd propagates", expect=E("#NAME?"))
    add(fn, [1.5, E("#REF!"), 4], "phase 1 (error, text, blank) before domain: #REF! not #NUM!", expect=E("#REF!"))
    add(fn, [1.5, 10, "x"], "text in lead_time beats sl domain #NUM!", expect=E(VALUE))
    add(fn, [E("#NULL!"), "x", None], "first offending argument wins: #NULL!", expect=E("#NULL!"))
    add(fn, ["x", E("#N/A"), 4], "first offending argument wins: text", expect=E(VALUE))
    add(fn, [None, E("#N/A"), 4], "blank required first: #N/A", expect=E(NA))
    add(fn, [0.95, None, E("#REF!")], "blank sd before error in lead_time -> #N/A", expect=E(NA))
    add(fn, [1.5, -1, -1], "several domain errors -> #NUM!", expect=E(NUM))
    add(fn, [None, 10, 4], "blank required service_level -> #N/A", expect=E(NA))
    add(fn, ["", 10, 4], "blank (\"\") service_level -> #N/A", expect=E(NA))
    add(fn, [0.95, 10, None], "blank lead_time -> #N/A", expect=E(NA))
    add(fn, [None, None, None], "all blank -> \"\"", expect="")
    add(fn, ["", "", ""], "all blank \"\" -> \"\"", expect="")
    add(fn, [[[None]], [[""]], [[None]], None, None, None, None, None], "all blank 1x1 ranges -> \"\"", expect="")
    add(fn, [None, None, None, 10], "required blank but optional mean given -> #N/A", expect=E(NA))
    add(fn, [None, None, None, "", ""], "all given blank incl. optionals -> \"\"", expect="")
    add(fn, [0.95, 10, 4, 1e7, 1e-7], "mean*sdL term small vs sd term")
    add(fn, [0.95, 1e-5, 4, 1e8, 3], "mean*sdL term dominates")
    # ranges
    add(fn, [0.95, col([10, 20, 30]), 4], "broadcast sl and L over sd column")
    add(fn, [[[0.95]], col([10, 20, 30]), [[4]]], "broadcast 1x1 ranges over a column")
    add(fn, [col([0.9, 0.95, 0.99]), col([10, 20, 30]), col([1, 4, 9])], "three columns")
    add(fn, [[[0.9, 0.95, 0.99]], [[10, 20, 30]], 4], "row vectors 1x3")
    add(fn, [[[0.9, 0.95], [0.99, 0.5]], [[10, 20], [30, 40]], 2], "2x2 spill")
    add(fn, [0.95, col([10, 20, 30]), col([1, 2])], "shape mismatch 3x1 vs 2x1 -> #VALUE! call", expect=CALL(VALUE))
    add(fn, [0.95, col([10, 20, 30]), [[1, 2, 3]]], "shape mismatch 3x1 vs 1x3 -> #VALUE! call", expect=CALL(VALUE))
    add(fn, [0.95, [[10, 20, 30], [1, 2, 3]], [[1, 2, 3]]], "2x3 vs 1x3 is not broadcast -> #VALUE!", expect=CALL(VALUE))
    add(fn, [0.95, col([10, E("#N/A"), 30]), col([1, 2])], "shape mismatch wins over cell errors", expect=CALL(VALUE))
    add(
        fn,
        [col([0.95, 1.5, 0.95, 0.95, 0.95, 0.95]), col([10, 10, -1, "x", E("#N/A"), 10]), col([4, 4, 4, 4, 4, None])],
        "per-cell errors: rows 2..6 each their own error, row 1 computed",
    )
    add(
        fn,
        [col([0.95, None, None]), col([10, None, 5]), col([4, None, None])],
        "row 2 all blank -> \"\", row 3 required blank -> #N/A",
        expect=[[32.89707253902945], [""], [E(NA)]],
        tol=1e-12,
    )
    add(
        fn,
        [col([0.95, None, ""]), col([10, "", None]), col([4, None, ""]), col([None, None, 7])],
        "row 3: required all blank but optional demand_mean 7 -> #N/A",
    )
    add(
        fn,
        [col([0.95, 0.95, 0.95]), col([10, 10, 10]), col([4, 4, 4]), col([100, None, ""]), col([1, "", None])],
        "blank optional cells take default 0",
    )
    add(
        fn,
        [col([0.95, 0.97]), col([10, 10]), col([4, 4]), None, None, None, col(["fill", "cycle"]), col([100, None])],
        "method per row: fill row 1, cycle row 2 (order_qty blank ok)",
    )
    add(
        fn,
        [col([0.95, 0.97]), col([10, 10]), col([4, 4]), None, None, None, col(["FILL", ""]), col([100, None])],
        "method per row: blank method cell -> cycle",
    )
    add(
        fn,
        [col([0.95, 0.97, 0.99]), col([10, 10, 10]), col([4, 4, 4]), None, None, None, "fill", col([100, None, 50])],
        "fill with order_qty blank in row 2 -> #VALUE! there only",
    )
    add(fn, [1.5, col([10, 20]), col([4, 4])], "bad broadcast sl -> #NUM! in every cell", expect=[[E(NUM)], [E(NUM)]])
    add(fn, [E("#N/A"), col([10, 20]), col([4, 4])], "error broadcast -> every cell", expect=[[E(NA)], [E(NA)]])
    big_sd = [lu(-2, 6) for _ in range(200)]
    big_L = [float(RNG.randint(0, 30)) for _ in range(200)]
    add(fn, [0.975, col(big_sd), col(big_L), 0, 0, 1], "200-row column, broadcast sl, mean, sdL, R")
    gen_safetystock(150 - sum(1 for c in CASES if c["fn"] == fn))


def cases_servicelevel():
    fn = "SERVICELEVEL"
    add(fn, [32.89707253902945, 10, 4], "inverse of SAFETYSTOCK textbook -> 0.95", expect=0.95, tol=1e-12)
    add(fn, [0, 10, 4], "ss 0 -> 0.5", expect=0.5)
    add(fn, [-20, 10, 4], "negative safety stock allowed -> Phi(-1)")
    add(fn, [10, 10, 4, 100, 1, 2], "all sigmaLT terms")
    add(fn, [10, 10, 4, -100, 1], "negative demand_mean uses |mean|")
    add(fn, [10, 10, 4, None, None, None], "omitted optionals default 0")
    add(fn, [10, 10, 4, "", "", ""], "blank optionals default 0")
    add(fn, [10, 0, 4], "sigmaLT = 0 -> #DIV/0!", expect=E(DIV))
    add(fn, [10, 10, 0], "lead time 0 -> sigmaLT 0 -> #DIV/0!", expect=E(DIV))
    add(fn, [0, 0, 0], "sigmaLT = 0 with ss 0 -> #DIV/0!", expect=E(DIV))
    add(fn, [10, 10, 0, None, None, 1], "lead time 0 with review 1 -> defined")
    add(fn, [10, -1, 4], "negative sd -> #NUM!", expect=E(NUM))
    add(fn, [10, 0, -4], "negative L beats sigmaLT=0 #DIV/0!", expect=E(NUM))
    add(fn, [10, 1, 4, 0, -1], "negative lead_time_sd -> #NUM!", expect=E(NUM))
    add(fn, [10, 1, 4, 0, 0, -2], "negative review period -> #NUM!", expect=E(NUM))
    add(fn, [-370, 10, 1], "Phi(-37) = 5.7e-300")
    add(fn, [-300, 10, 1], "Phi(-30) = 4.9e-198 (tail accuracy)")
    add(fn, [-100, 10, 1], "Phi(-10) = 7.6e-24")
    add(fn, [80, 10, 1], "Phi(8) ~ 1 - 6e-16")
    add(fn, [1e-300, 1, 1], "tiny ss -> 0.5")
    add(fn, ["10", 10, 4], "text ss -> #VALUE!", expect=E(VALUE))
    add(fn, [10, 10, 4, E("#REF!")], "error in demand_mean propagates", expect=E("#REF!"))
    add(fn, [None, 10, 4], "blank ss -> #N/A", expect=E(NA))
    add(fn, [None, None, None], "all blank -> \"\"", expect="")
    add(fn, [col([1, 2, 3]), 1, 1], "column of ss, broadcast sd, L")
    add(fn, [col([1, 2]), col([1, 2, 3]), 1], "shape mismatch -> #VALUE!", expect=CALL(VALUE))
    add(fn, [col([1, None, 3, 4]), col([1, None, 0, -1]), col([1, None, 2, 2])], "blank row, #DIV/0! row, #NUM! row")
    gens = [g_ss_any, g_sd, g_L, g_mean, g_sdL, g_R]
    bads = {1: B_NEG, 2: B_NEG, 4: B_NEG, 5: B_NEG}
    while sum(1 for c in CASES if c["fn"] == fn) < 60:
        random_item_case(fn, gens, bads, shape_pick(), p_fault=RNG.choice([0, 0.1, 0.25]), blank_row=RNG.random() < 0.3, label="random")


def cases_fillrate():
    fn = "FILLRATE"
    add(fn, [100, 10, 20], "textbook: 1 - 20*G(0.5)/100 = 0.9604", expect=0.9604, tol=2e-4)
    add(fn, [100, 0, 20], "ss 0: 1 - 20*0.398942/100")
    add(fn, [50, -30, 10], "negative ss")
    add(fn, [1, 0, 10], "not clamped: expected shortage 3.99 > Q 1 -> negative fill rate")
    add(fn, [1, -100, 10], "not clamped: large negative")
    add(fn, [100, 10, 0], "sigma_lt 0 with ss >= 0 -> 1", expect=1.0)
    add(fn, [100, -30, 0], "sigma_lt 0 limit: 1 - 30/100 = 0.7", expect=0.7)
    add(fn, [10, -30, 0], "sigma_lt 0 limit, not clamped: 1 - 30/10 = -2", expect=-2.0)
    add(fn, [100, 0, 0], "sigma_lt 0 and ss 0 -> 1", expect=1.0)
    add(fn, [0, 10, 20], "Q = 0 -> #DIV/0!", expect=E(DIV))
    add(fn, [0, 10, 0], "Q = 0 and sigma 0 -> #DIV/0!", expect=E(DIV))
    add(fn, [100, 10, -1], "negative sigma_lt -> #NUM!", expect=E(NUM))
    add(fn, [1e-300, 0, 1e10], "tiny Q: 1 - 1e10*0.4/1e-300 overflows -> #NUM!", expect=E(NUM))
    add(fn, [1e-10, 0, 1], "tiny Q: -3.99e9")
    add(fn, [1e300, 0, 1e300], "huge Q and sigma")
    add(fn, [100, 300, 10], "ss/sigma = 30: G tiny, fill ~ 1")
    add(fn, [1e-6, 50, 10], "ss/sigma = 5 with tiny Q: 1 - 10*G(5)/1e-6")
    add(fn, [1e-198, 300, 10], "ss/sigma = 30 with Q 1e-198: 1 - 10*G(30)/Q, G(30) accuracy matters")
    add(fn, ["100", 10, 20], "text Q -> #VALUE!", expect=E(VALUE))
    add(fn, [100, E("#N/A"), 20], "error ss propagates", expect=E(NA))
    add(fn, [100, None, 20], "blank ss -> #N/A", expect=E(NA))
    add(fn, [None, None, None], "all blank -> \"\"", expect="")
    add(fn, [0, "x", -1], "text beats Q=0 and sigma<0", expect=E(VALUE))
    add(fn, [col([100, 0, 100, 1]), col([10, 10, -30, 0]), col([20, 20, 0, 10])], "rows: fine, Q=0, sigma 0 limit, negative")
    add(fn, [100, col([0, 10, 20, 30]), 10], "broadcast Q and sigma")
    add(fn, [col([100, 200]), [[0, 10]], 10], "shape mismatch -> #VALUE!", expect=CALL(VALUE))
    gens = [g_Q, mix((3, lambda: lu(-2, 5)), (1, neg(lambda: lu(-2, 4))), (1, const(0))), mix((5, lambda: lu(-2, 5)), (1, const(0)))]
    bads = {0: [0, 0.0], 2: B_NEG}
    while sum(1 for c in CASES if c["fn"] == fn) < 60:
        random_item_case(fn, gens, bads, shape_pick(), p_fault=RNG.choice([0, 0.1, 0.25]), blank_row=RNG.random() < 0.3, label="random")


def cases_reorderpoint():
    fn = "REORDERPOINT"
    add(fn, [100, 4, 32.9], "textbook: 100*4 + 32.9 = 432.9", expect=432.9)
    add(fn, [100, 0, 20], "lead time 0 -> ss", expect=20.0)
    add(fn, [-10, 4, 100], "negative mean allowed", expect=60.0)
    add(fn, [10, 4, -100], "negative ss allowed", expect=-60.0)
    add(fn, [10, -4, 100], "negative lead time -> #NUM!", expect=E(NUM))
    add(fn, [1e300, 1e10, 0], "overflow -> #NUM!", expect=E(NUM))
    add(fn, [1e300, 100, 0], "1e302 fine", expect=1e302, tol=1e-15)
    add(fn, ["100", 4, 1], "text -> #VALUE!", expect=E(VALUE))
    add(fn, [100, E("#DIV/0!"), 1], "error propagates", expect=E(DIV))
    add(fn, [100, 4, None], "blank ss -> #N/A", expect=E(NA))
    add(fn, [None, "", None], "all blank -> \"\"", expect="")
    add(fn, [E("#N/A"), -1, "x"], "first offending: #N/A", expect=E(NA))
    add(fn, ["x", -1, 1], "text beats domain", expect=E(VALUE))
    add(fn, [col([100, 200, 300]), 4, col([1, 2, 3])], "broadcast lead time")
    add(fn, [col([100, None, 300, 100]), col([4, None, -1, 2]), col([1, None, 3, "a"])], "rows: ok, blank, #NUM!, #VALUE!")
    add(fn, [col([1, 2]), col([1, 2, 3]), 1], "shape mismatch -> #VALUE!", expect=CALL(VALUE))
    gens = [g_mean, g_L, g_ss_any]
    bads = {1: B_NEG}
    while sum(1 for c in CASES if c["fn"] == fn) < 45:
        random_item_case(fn, gens, bads, shape_pick(), p_fault=RNG.choice([0, 0.1, 0.25]), blank_row=RNG.random() < 0.3, label="random")


def cases_eoq():
    fn = "EOQ"
    add(fn, [1000, 10, 5, 0.2], "textbook: sqrt(2*1000*10/(0.2*5)) = 141.42", expect=141.4213562373095, tol=1e-14)
    add(fn, [1200, 100, 20, 0.25], "textbook: sqrt(240000/5) = 219.09")
    add(fn, [0, 10, 5, 0.2], "zero demand -> 0", expect=0.0)
    add(fn, [1000, 0, 5, 0.2], "zero order cost -> 0", expect=0.0)
    add(fn, [1000, 10, 0, 0.2], "unit cost 0 -> #DIV/0!", expect=E(DIV))
    add(fn, [1000, 10, 5, 0], "holding rate 0 -> #DIV/0!", expect=E(DIV))
    add(fn, [1000, 10, 0, 0], "both 0 -> #DIV/0!", expect=E(DIV))
    add(fn, [-1000, 10, 5, 0.2], "negative demand -> #NUM!", expect=E(NUM))
    add(fn, [1000, -10, 5, 0.2], "negative order cost -> #NUM!", expect=E(NUM))
    add(fn, [1000, 10, -5, 0.2], "negative unit cost -> #NUM!", expect=E(NUM))
    add(fn, [1000, 10, 5, -0.2], "negative holding rate -> #NUM!", expect=E(NUM))
    add(fn, [-1000, 10, 0, 0.2], "#NUM! (demand) before #DIV/0! (unit cost)", expect=E(NUM))
    add(fn, [1000, -10, 5, 0], "#NUM! (order cost) before #DIV/0! (holding rate)", expect=E(NUM))
    add(fn, [1e308, 1e308, 1e-300, 1e-300], "result 1.4e608 overflows -> #NUM!", expect=E(NUM))
    add(fn, [1e200, 1e200, 1, 1], "intermediate overflow: 2DS overflows naively; EOQ = 1.41e200 is finite")
    add(fn, [1e-5, 1e-5, 1e5, 1e5], "tiny EOQ 1.4e-10")
    add(fn, ["1000", 10, 5, 0.2], "text -> #VALUE!", expect=E(VALUE))
    add(fn, [1000, 10, 5, E("#N/A")], "error propagates", expect=E(NA))
    add(fn, [1000, 10, None, 0.2], "blank unit cost -> #N/A", expect=E(NA))
    add(fn, [None, None, None, None], "all blank -> \"\"", expect="")
    add(fn, [1000, "x", 0, -1], "text beats domain", expect=E(VALUE))
    add(fn, [col([1000, 2000, 0, 5]), 10, col([5, 5, 5, 0]), 0.2], "rows incl. 0 demand and 0 unit cost")
    add(fn, [col([1, 2]), col([1, 2, 3]), 1, 1], "shape mismatch -> #VALUE!", expect=CALL(VALUE))
    gens = [mix((5, lambda: lu(-2, 9)), (1, const(0))), lambda: lu(-2, 5), lambda: lu(-3, 5), lambda: lu(-3, 0)]
    bads = {0: B_NEG, 1: B_NEG, 2: B_NEGZ, 3: B_NEGZ}
    while sum(1 for c in CASES if c["fn"] == fn) < 60:
        random_item_case(fn, gens, bads, shape_pick(), p_fault=RNG.choice([0, 0.1, 0.25]), blank_row=RNG.random() < 0.3, label="random")


def cases_daysofsupply():
    fn = "DAYSOFSUPPLY"
    add(fn, [500, 20], "textbook: 500/20 = 25", expect=25.0)
    add(fn, [-50, 10], "negative on_hand allowed", expect=-5.0)
    add(fn, [0, 10], "zero on_hand", expect=0.0)
    add(fn, [500, 0], "daily demand 0 -> #DIV/0!", expect=E(DIV))
    add(fn, [500, -1], "negative daily demand -> #NUM!", expect=E(NUM))
    add(fn, [1e300, 1e-10], "overflow -> #NUM!", expect=E(NUM))
    add(fn, [1e-300, 1e10], "tiny result")
    add(fn, ["500", 20], "text -> #VALUE!", expect=E(VALUE))
    add(fn, [500, E("#VALUE!")], "error propagates", expect=E(VALUE))
    add(fn, [None, 20], "blank on_hand -> #N/A", expect=E(NA))
    add(fn, [500, ""], "blank daily demand -> #N/A", expect=E(NA))
    add(fn, ["", None], "all blank -> \"\"", expect="")
    add(fn, [col([500, 1, None, 3, 4]), col([20, 0, None, -1, "a"])], "rows: ok, #DIV/0!, \"\", #NUM!, #VALUE!")
    add(fn, [col([500, 100]), 20], "broadcast daily demand")
    add(fn, [[[1, 2, 3]], [[1], [2], [3]]], "1x3 vs 3x1 -> #VALUE!", expect=CALL(VALUE))
    gens = [g_ss_any, mix((5, lambda: lu(-3, 6)),)]
    bads = {1: B_NEGZ}
    while sum(1 for c in CASES if c["fn"] == fn) < 45:
        random_item_case(fn, gens, bads, shape_pick(), p_fault=RNG.choice([0, 0.15, 0.3]), blank_row=RNG.random() < 0.3, label="random")


def cases_normloss():
    fn = "NORMLOSS"
    add(fn, [0], "G(0) = phi(0) = 0.398942", expect=0.3989422804014327, tol=1e-14)
    add(fn, [1], "G(1) = 0.083315", expect=0.08331547058768162, tol=1e-12)
    add(fn, [-1], "G(-1) = G(1) + 1 = 1.083315", expect=1.0833154705876864, tol=1e-12)
    add(fn, [0.5], "G(0.5) = 0.197797")
    add(fn, [2], "G(2) = 0.008491")
    add(fn, [3], "G(3) = 3.82e-4")
    add(fn, [5], "G(5) = 5.3e-8 (cancellation in phi - k(1-Phi))")
    add(fn, [10], "G(10) = 7.5e-26 (tail)")
    add(fn, [20], "G(20) = 1.4e-91")
    add(fn, [30], "G(30) = 1.6e-199")
    add(fn, [37], "G(37) ~ 2e-301")
    add(fn, [40], "G(40) underflows -> 0")
    add(fn, [-10], "G(-10) = 10 + G(10)")
    add(fn, [-40], "G(-40) = 40")
    add(fn, [-1e300], "G(-1e300) = 1e300")
    add(fn, [1e300], "G(1e300) = 0")
    add(fn, [1e-300], "G(tiny) = phi(0)")
    add(fn, ["1"], "text -> #VALUE!", expect=E(VALUE))
    add(fn, [E("#N/A")], "error propagates", expect=E(NA))
    add(fn, [None], "blank -> \"\"", expect="")
    add(fn, [""], "blank \"\" -> \"\"", expect="")
    add(fn, [[[None]]], "blank 1x1 -> \"\"", expect="")
    add(fn, [col([0, 1, None, "x", E("#REF!"), -2])], "column: numbers, blank, text, error")
    add(fn, [[[0, 1, 2], [-1, -2, 3]]], "2x3 spill")
    while sum(1 for c in CASES if c["fn"] == fn) < 50:
        shape = shape_pick()
        g = mix((4, lambda: round(RNG.uniform(-4, 4), 6)), (1, lambda: round(RNG.uniform(-40, 38), 4)), (1, lambda: lu(-6, 1)))
        random_item_case(fn, [g], {}, shape, p_fault=RNG.choice([0, 0.2]), label="random k")


def cases_sigmalt():
    fn = "SIGMALT"
    add(fn, [10, 4], "sqrt(4)*10 = 20", expect=20.0)
    add(fn, [10, 4, 100, 1], "sqrt(400 + 10000) = 101.98")
    add(fn, [10, 4, 100, 1, 2], "sqrt(600 + 10000)")
    add(fn, [10, 4, -100, 1], "negative mean uses |mean|")
    add(fn, [10, 0], "lead time 0 -> 0, not an error", expect=0.0)
    add(fn, [0, 0, 0, 0, 0], "all zero -> 0", expect=0.0)
    add(fn, [10, 0, 0, 0, 3], "review only: 10*sqrt(3)")
    add(fn, [10, 4, None, None, None], "omitted optionals")
    add(fn, [10, 4, "", "", ""], "blank optionals")
    add(fn, [10, 4, 100, ""], "mean given, sdL blank -> 0")
    add(fn, [-10, 4], "negative sd -> #NUM!", expect=E(NUM))
    add(fn, [10, -4], "negative L -> #NUM!", expect=E(NUM))
    add(fn, [10, 4, 0, -1], "negative lead_time_sd -> #NUM!", expect=E(NUM))
    add(fn, [10, 4, 0, 0, -1], "negative review -> #NUM!", expect=E(NUM))
    add(fn, [1e308, 4], "overflow: 2e308 -> #NUM!", expect=E(NUM))
    add(fn, [1e200, 4], "intermediate overflow: sd^2 overflows naively; 2e200 finite", expect=2e200, tol=1e-15)
    add(fn, [1e-200, 4], "intermediate underflow: sd^2 underflows naively; 2e-200", expect=2e-200, tol=1e-15)
    add(fn, [1e300, 1e-6], "intermediate overflow: sd^2 overflows naively; 1e297")
    add(fn, ["10", 4], "text -> #VALUE!", expect=E(VALUE))
    add(fn, [10, E("#NUM!")], "error propagates", expect=E(NUM))
    add(fn, [10, None], "blank L -> #N/A", expect=E(NA))
    add(fn, [None, None], "all blank -> \"\"", expect="")
    add(fn, [None, None, 5], "required blank, optional given -> #N/A", expect=E(NA))
    add(fn, [col([10, 20, None]), col([1, 4, None])], "blank row -> \"\"")
    add(fn, [col([10, 20]), [[1, 4]]], "shape mismatch -> #VALUE!", expect=CALL(VALUE))
    gens = [g_sd, g_L, g_mean, g_sdL, g_R]
    bads = {0: B_NEG, 1: B_NEG, 3: B_NEG, 4: B_NEG}
    while sum(1 for c in CASES if c["fn"] == fn) < 55:
        random_item_case(fn, gens, bads, shape_pick(), p_fault=RNG.choice([0, 0.1, 0.25]), blank_row=RNG.random() < 0.3, label="random")


def cases_gmroii():
    fn = "GMROII"
    add(fn, [300000, 100000], "textbook: 3.0", expect=3.0)
    add(fn, [-50000, 100000], "negative gross margin allowed", expect=-0.5)
    add(fn, [0, 100000], "zero margin", expect=0.0)
    add(fn, [300000, 0], "zero inventory cost -> #DIV/0! (zero denominator)", expect=E(DIV))
    add(fn, [300000, -1], "negative inventory cost -> #NUM!", expect=E(NUM))
    add(fn, [1e300, 1e-10], "overflow -> #NUM!", expect=E(NUM))
    add(fn, ["3", 1], "text -> #VALUE!", expect=E(VALUE))
    add(fn, [E("#REF!"), 1], "error propagates", expect=E("#REF!"))
    add(fn, [1, None], "blank -> #N/A", expect=E(NA))
    add(fn, [None, None], "all blank -> \"\"", expect="")
    add(fn, [col([3, -1, None, 2]), col([1, 0, None, -2])], "rows: ok, #DIV/0!, \"\", #NUM!")
    gens = [mix((4, lambda: lu(-3, 8)), (1, neg(lambda: lu(-3, 7))), (1, const(0))), lambda: lu(-3, 8)]
    bads = {1: B_NEGZ}
    while sum(1 for c in CASES if c["fn"] == fn) < 45:
        random_item_case(fn, gens, bads, shape_pick(), p_fault=RNG.choice([0, 0.15, 0.3]), blank_row=RNG.random() < 0.3, label="random")


def cases_release():
    fn = "RELEASE"
    add(fn, [60, 45, 3650000], "textbook: 15 days x 10,000/day = 150,000", expect=150000.0)
    add(fn, [60, 45, 3600000, 360], "days 360", expect=150000.0)
    add(fn, [40, 45, 3650000], "already below target -> 0", expect=0.0)
    add(fn, [45, 45, 3650000], "at target -> 0", expect=0.0)
    add(fn, [60, 45, 3650000, None], "days omitted -> 365", expect=150000.0)
    add(fn, [60, 45, 3650000, ""], "days blank -> 365", expect=150000.0)
    add(fn, [60, 45, 3650000, 0], "days 0 -> #DIV/0!", expect=E(DIV))
    add(fn, [40, 45, 3650000, 0], "days 0 -> #DIV/0! even when below target", expect=E(DIV))
    add(fn, [60, 45, 3650000, -1], "days < 0 -> #NUM!", expect=E(NUM))
    add(fn, [60, 45, -1, 365], "negative cogs -> #NUM!", expect=E(NUM))
    add(fn, [60, 45, -1, 0], "negative cogs (#NUM!) before days 0 (#DIV/0!)", expect=E(NUM))
    add(fn, [60, 45, 0], "zero cogs -> 0", expect=0.0)
    add(fn, [1e300, 0, 1e300], "overflow -> #NUM!", expect=E(NUM))
    add(fn, [60, 45, "x"], "text -> #VALUE!", expect=E(VALUE))
    add(fn, [60, 45, 100, "x"], "text days -> #VALUE!", expect=E(VALUE))
    add(fn, [60, 45, 100, E("#N/A")], "error days propagates", expect=E(NA))
    add(fn, [60, None, 100], "blank target -> #N/A", expect=E(NA))
    add(fn, [None, None, None], "all blank -> \"\"", expect="")
    add(fn, [None, None, None, 365], "required all blank, days given -> #N/A", expect=E(NA))
    add(fn, [col([60, 30, 90]), col([45, 45, 45]), col([1e6, 2e6, 3e6]), 365], "column, broadcast days")
    add(fn, [col([60, 30, 90]), 45, col([1e6, 2e6, 3e6]), col([365, 0, -5])], "days per row: ok, #DIV/0!, #NUM!")
    add(fn, [col([60, 30]), col([45, 45, 45]), 1e6], "shape mismatch -> #VALUE!", expect=CALL(VALUE))
    gd = mix((4, lambda: round(RNG.uniform(0, 200), 2)), (1, lambda: lu(-3, 4)), (1, const(0)))
    gens = [gd, gd, mix((5, lambda: lu(0, 10)), (1, const(0))), mix((3, const(365)), (1, const(360)), (2, lambda: lu(0, 3)))]
    bads = {2: B_NEG, 3: B_NEGZ}
    while sum(1 for c in CASES if c["fn"] == fn) < 50:
        random_item_case(fn, gens, bads, shape_pick(), p_fault=RNG.choice([0, 0.1, 0.25]), blank_row=RNG.random() < 0.3, label="random")


def cases_ccc():
    fn = "CCC"
    add(fn, [45, 30, 40], "textbook: 45 + 30 - 40 = 35", expect=35.0)
    add(fn, [20, 10, 60], "negative CCC is fine", expect=-30.0)
    add(fn, [0, 0, 0], "zeros", expect=0.0)
    add(fn, [1e308, 1e308, 0], "overflow -> #NUM!", expect=E(NUM))
    add(fn, ["45", 30, 40], "text -> #VALUE!", expect=E(VALUE))
    add(fn, [45, E("#N/A"), 40], "error propagates", expect=E(NA))
    add(fn, [45, 30, None], "blank dpo -> #N/A", expect=E(NA))
    add(fn, [None, None, None], "all blank -> \"\"", expect="")
    add(fn, [col([45, 50, None, 10]), col([30, 20, None, "x"]), col([40, 10, None, 5])], "column with blank row and text")
    add(fn, [col([45, 50]), 30, col([40, 10])], "broadcast dso")
    add(fn, [col([45, 50]), 30, col([40, 10, 1])], "shape mismatch -> #VALUE!", expect=CALL(VALUE))
    g = mix((4, lambda: round(RNG.uniform(0, 150), 2)), (2, lambda: lu(-3, 5)), (1, lambda: float(RNG.randint(0, 120))))
    while sum(1 for c in CASES if c["fn"] == fn) < 40:
        random_item_case(fn, [g, g, g], {}, shape_pick(), p_fault=RNG.choice([0, 0.15]), blank_row=RNG.random() < 0.3, label="random")


def cases_ratio(fn):
    bal = {"DIO": "inventory", "DSO": "receivables", "DPO": "payables"}.get(fn)
    if fn != "TURNS":
        add(fn, [col([100, 120]), col([1000]), None], f"textbook: avg {bal} 110 / 1000 x 365 = 40.15", expect=40.15, tol=1e-14)
        add(fn, [col([100, 120]), col([1000])], "days omitted -> 365", expect=40.15, tol=1e-14)
        add(fn, [col([100, 120]), col([1000]), ""], "days blank -> 365", expect=40.15, tol=1e-14)
        add(fn, [col([100, 120]), col([1000]), 360], "days 360", expect=39.6, tol=1e-14)
        add(fn, [[[100, 120, 140]], col([250, 250, 250, 250]), [[365]]], "balances 1x3, flows 4x1 (shapes need not match)")
        add(fn, [col([100, None, 120, ""]), col([500, None, 500]), 365], "blank cells skipped (average over 2)", expect=40.15, tol=1e-14)
        add(fn, [100, 1000], "single values", expect=36.5, tol=1e-14)
        add(fn, [col([0, 0]), col([1000])], "zero balance -> 0", expect=0.0)
        add(fn, [col([100, 120]), col([0, 0])], "sum of flows 0 -> #DIV/0!", expect=E(DIV))
        add(fn, [col([100, 120]), col([None, None])], "flows all blank -> sum 0 -> #DIV/0!", expect=E(DIV))
        add(fn, [col([None, ""]), col([1000])], "no numbers at all in the averaged range -> #DIV/0!", expect=E(DIV))
        add(fn, [col([100, -120]), col([1000])], f"negative {bal} -> #NUM!", expect=E(NUM))
        add(fn, [col([100, -120]), col([0])], f"negative {bal} (#NUM!) before sum 0 (#DIV/0!)", expect=E(NUM))
        add(fn, [col([100, 120]), col([1000]), 0], "days 0 -> #NUM!", expect=E(NUM))
        add(fn, [col([100, 120]), col([1000]), -365], "days < 0 -> #NUM!", expect=E(NUM))
        add(fn, [col([100, 120]), col([1000]), "365"], "days text -> #VALUE!", expect=E(VALUE))
        add(fn, [col([100, 120]), col([1000]), E("#N/A")], "days error propagates", expect=E(NA))
        add(fn, [col([100, "120"]), col([1000])], "text in the range -> one #VALUE! for the call", expect=E(VALUE))
        add(fn, [col([100, 120]), col([1000, "x"])], "text in flows -> #VALUE!", expect=E(VALUE))
        add(fn, [col([100, E("#REF!")]), col([1000])], "error cell -> #REF! for the call", expect=E("#REF!"))
        add(fn, [col([100, E("#N/A")]), col([1000, "x"])], "first argument's error wins (#N/A over text)", expect=E(NA))
        add(fn, [col([100, "x"]), col([E("#N/A")])], "first argument's text wins", expect=E(VALUE))
        add(fn, [col([100, -1]), col([1000]), "x"], "text days (phase 1) beats negative balance (domain)", expect=E(VALUE))
        add(fn, [col([1e300, 1e300]), col([1e-10])], "overflow -> #NUM!", expect=E(NUM))
        add(fn, [col([1e-300]), col([1e300])], "tiny result")
        if fn != "DSO":
            add(fn, [col([100, 120]), col([1000, -1])], "negative cogs -> #NUM!", expect=E(NUM))
            add(fn, [col([100, 120]), col([-5, 5])], "negative cogs with zero sum -> #NUM!", expect=E(NUM))
            add(fn, [col([100, 120]), col([1000, -1]), 0], "negative cogs and days 0 -> #NUM!", expect=E(NUM))
        perm = [lu(0, 7) for _ in range(9)]
        flows = [lu(3, 8) for _ in range(12)]
        add(fn, [col(perm), col(flows)], "order independence (1)")
        p2, f2 = perm[:], flows[:]
        RNG.shuffle(p2)
        RNG.shuffle(f2)
        add(fn, [col(p2), col(f2)], "order independence (2): same data shuffled")
        target = 40 if fn == "DIO" else 35
    else:
        add(fn, [col([1000, 1000]), col([100, 300])], "textbook: 2000 / 200 = 10", expect=10.0)
        add(fn, [[[250, 250, 250, 250]], col([100, 120, 140])], "cogs 1x4, inventory 3x1")
        add(fn, [col([1000, None]), col([100, "", 300])], "blanks skipped", expect=5.0)
        add(fn, [col([0, 0]), col([100, 300])], "sum cogs 0 -> 0 (numerator, not an error)", expect=0.0)
        add(fn, [col([1000]), col([0, 0])], "average inventory 0 -> #DIV/0!", expect=E(DIV))
        add(fn, [col([1000]), col([None, ""])], "no numbers in the averaged inventory -> #DIV/0!", expect=E(DIV))
        add(fn, [col([1000, -1]), col([100])], "negative cogs -> #NUM!", expect=E(NUM))
        add(fn, [col([1000]), col([100, -1])], "negative inventory -> #NUM!", expect=E(NUM))
        add(fn, [col([-1000]), col([0])], "negative cogs (#NUM!) before avg 0 (#DIV/0!)", expect=E(NUM))
        add(fn, [col([1000]), col([-1, 1])], "negative inventory with zero average -> #NUM!", expect=E(NUM))
        add(fn, [col(["1000"]), col([100])], "text -> #VALUE!", expect=E(VALUE))
        add(fn, [col([1000]), col([E("#NAME?")])], "error propagates", expect=E("#NAME?"))
        add(fn, [col([E("#N/A")]), col(["x"])], "first argument's error wins", expect=E(NA))
        add(fn, [col([1e300]), col([1e-10])], "overflow -> #NUM!", expect=E(NUM))
        add(fn, [1000, 100], "single values", expect=10.0)
    # random valid and faulty
    n_target = 50 if fn in ("DIO", "TURNS") else 40
    while sum(1 for c in CASES if c["fn"] == fn) < n_target:
        nb, nf = RNG.randint(1, 14), RNG.randint(1, 14)
        scale_b, scale_f = RNG.uniform(-3, 9), RNG.uniform(-3, 9)
        bvals = [lu(scale_b - 1, scale_b + 1) for _ in range(nb)]
        fvals = [lu(scale_f - 1, scale_f + 1) for _ in range(nf)]
        note = f"random {nb} balances ~1e{scale_b:.0f}, {nf} flows ~1e{scale_f:.0f}"
        for vals in (bvals, fvals):
            if RNG.random() < 0.3:
                vals[RNG.randrange(len(vals))] = blank()
                note += ", a blank"
            if RNG.random() < 0.15:
                vals[RNG.randrange(len(vals))] = 0.0
        kind = RNG.random()
        if kind < 0.12:
            vals = RNG.choice([bvals, fvals])
            vals[RNG.randrange(len(vals))] = errv() if RNG.random() < 0.5 else text()
            note += ", one offending cell"
        elif kind < 0.2:
            vals = RNG.choice([bvals, fvals])
            vals[RNG.randrange(len(vals))] = -lu(-2, 3)
            note += ", a negative"
        if fn == "TURNS":
            args = [col(fvals), col(bvals)]
        else:
            days = RNG.choice([None, 365, 360, 30, 91.25, lu(-1, 3)])
            args = [col(bvals), col(fvals), days if days is None else sc(days)]
            args = trim(args, 2)
        add(fn, args, note)


def cases_accuracy(fn):
    A = [100, 200, 300]
    F = [110, 190, 330]
    hand = {"WAPE": 50 / 600, "MAPE": (0.1 + 0.05 + 0.1) / 3, "BIAS": 30 / 600}
    add(fn, [col(A), col(F)], "textbook 3 periods", expect=hand[fn], tol=1e-14)
    add(fn, [[A], [F]], "same data as a row")
    add(fn, [[A[:2], [A[2], None]], [F[:2], [F[2], ""]]], "2x2 with a blank in both (lined up, skipped)", expect=hand[fn], tol=1e-14)
    add(fn, [col([100, None, 200, 300]), col([110, "", 190, 330])], "blank period in both skipped", expect=hand[fn], tol=1e-14)
    add(fn, [col([100, None, 200]), col([110, 5, 190])], "blanks do not line up -> #VALUE!", expect=E(VALUE))
    add(fn, [col([100, 0, 200]), col([110, None, 190])], "0 actual vs blank forecast do not line up -> #VALUE!", expect=E(VALUE))
    add(fn, [col([100, 200, 300]), col([110, 190])], "shapes differ -> #VALUE!", expect=E(VALUE))
    add(fn, [col([100, 200, 300]), [[110, 190, 330]]], "3x1 vs 1x3 -> #VALUE!", expect=E(VALUE))
    add(fn, [100, col([110, 190, 330])], "1x1 vs 3x1 does not line up -> #VALUE!", expect=E(VALUE))
    add(fn, [col([100, "200", 300]), col(F)], "text in actual -> #VALUE!", expect=E(VALUE))
    add(fn, [col(A), col([110, E("#N/A"), 330])], "error in forecast propagates", expect=E(NA))
    add(fn, [col([100, E("#REF!"), 300]), col([110, "x", 330])], "actual's error before forecast's text", expect=E("#REF!"))
    add(fn, [col([100, "y", 300]), col([110, 1, 330])], "text in actual wins", expect=E(VALUE))
    add(fn, [col([0, 0]), col([1, 2])], "all actuals 0 -> #DIV/0!", expect=E(DIV))
    add(fn, [100, 90], "single period")
    add(fn, [col([1e-300]), col([1e10])], "overflow -> #NUM!", expect=E(NUM))
    add(fn, [col([50, 0, 100]), col([40, 10, 100])], "one zero actual")
    add(fn, [col([-50, 100, 30]), col([-40, 90, 35])], "negative actuals/forecasts are not errors (not in the #NUM! list)")
    if fn == "BIAS":
        add(fn, [col([5, -5]), col([6, -4])], "sum A = 0 -> #DIV/0!", expect=E(DIV))
        add(
            fn,
            [col([2, 3, 2**53 + 4]), col([2**53 + 2, 4, 4])],
            "per-period differences 2^53, 1, -2^53 must be summed compensated: 1/(2^53+9)",
            ill_ok=True,
        )
        add(
            fn,
            [col([2**53 + 4, 3, 2]), col([4, 4, 2**53 + 2])],
            "same periods in another order (result must not depend on row order)",
            ill_ok=True,
        )
        add(fn, [col([100, 100]), col([100, 100])], "no bias -> 0", expect=0.0)
    if fn == "WAPE":
        add(fn, [col([-5, 5]), col([0, 0])], "sum |A| = 10 (not sum A)", expect=1.0)
        add(fn, [col([100, 200]), col([100, 200])], "perfect forecast -> 0", expect=0.0)
    if fn == "MAPE":
        add(fn, [col([0, 0, 50]), col([5, 5, 55])], "mean over A != 0 only", expect=0.1, tol=1e-14)
        add(fn, [col([-50]), col([-55])], "|A| in the denominator", expect=0.1, tol=1e-14)
    while sum(1 for c in CASES if c["fn"] == fn) < 45:
        n, t = RNG.choice([(6, 1), (12, 1), (1, 8), (3, 4), (24, 1), (52, 1)])
        sc_ = RNG.uniform(-2, 8)
        Av = [lu(sc_ - 1, sc_ + 1) for _ in range(n * t)]
        Fv = [float(f"{a * RNG.uniform(0.5, 1.5):.6g}") for a in Av]
        note = f"random {n}x{t} ~1e{sc_:.0f}"
        if RNG.random() < 0.3:
            i = RNG.randrange(len(Av))
            Av[i] = blank()
            Fv[i] = blank()
            note += ", lined-up blank"
        if RNG.random() < 0.2:
            Av[RNG.randrange(len(Av))] = 0.0
            note += ", a zero actual"
        r = RNG.random()
        if r < 0.08:
            Fv[RNG.randrange(len(Fv))] = blank()
            note += ", forecast blank not lined up"
        elif r < 0.16:
            tgt = RNG.choice([Av, Fv])
            tgt[RNG.randrange(len(tgt))] = errv() if RNG.random() < 0.5 else text()
            note += ", one offending cell"
        grid = lambda v: [v[i * t:(i + 1) * t] for i in range(n)]
        add(fn, [grid(Av), grid(Fv)], note)


def cases_demandcv():
    fn = "DEMANDCV"
    add(fn, [[[1, 2, 3]]], "mean 2, sd 1 -> 0.5", expect=[[0.5]])
    add(fn, [[[10, 12, 8, 10], [5, 5, 5, 5]]], "two rows; constant row -> 0")
    add(fn, [[[10, None, 12, ""], [3, 5, None, 7]]], "blanks skipped")
    add(fn, [[[10, 10, 10], [0, 0, 0]]], "row with mean 0 -> #DIV/0!", expect=[[0.0], [E(DIV)]])
    add(fn, [[[10, None, None], [4, 6, 8]]], "row with one value -> #DIV/0!")
    add(fn, [[[10, "x", 12], [4, 6, 8]]], "text in row 1 -> #VALUE! in that row only")
    add(fn, [[[4, 6, 8], [10, E("#N/A"), 12]]], "error in row 2 -> #N/A in that row only")
    add(fn, [[[0, 0, "x"]]], "text beats mean-0 #DIV/0!", expect=[[E(VALUE)]])
    add(fn, [[[-1, 1, -3]]], "negative mean: CV = sd / mean (negative)")
    add(fn, [[[1e200, -1e200, 1e-200]]], "CV overflows -> #NUM!", expect=[[E(NUM)]], ill_ok=True)
    add(fn, [[[100001, 100002, 100003, 100000, 100004]]], "large offset: needs a stable variance (CV 1.6e-5)")
    add(fn, [[[1e5 + 0.5, 1e5 + 1.25, 1e5 - 0.75, 1e5 + 2.5]]], "large offset with fractions")
    add(fn, [[[1e-300, 2e-300, 3e-300]]], "intermediate underflow: squares of 1e-300 underflow naively; CV 0.5")
    add(fn, [[[1e300, 2e300, 3e300]]], "intermediate overflow: squares overflow naively; CV 0.5")
    add(fn, [5], "single value -> one value -> #DIV/0!", expect=E(DIV))
    add(fn, [col([1, 2, 3])], "n x 1: each row one value -> #DIV/0!")
    hist = [[lu(0, 3) for _ in range(12)] for _ in range(5)]
    add(fn, [hist], "5 x 12 random")
    while sum(1 for c in CASES if c["fn"] == fn) < 60:
        n, t = RNG.randint(1, 8), RNG.choice([2, 3, 4, 6, 12, 24, 52])
        sc_ = RNG.uniform(-3, 8)
        rows = []
        note = f"random {n}x{t} ~1e{sc_:.0f}"
        for _ in range(n):
            mode = RNG.random()
            if mode < 0.6:
                r = [lu(sc_ - 1, sc_ + 1) for _ in range(t)]
            elif mode < 0.8:
                r = [float(RNG.choice([0, 0, 0, RNG.randint(1, 50)])) for _ in range(t)]
            else:
                r = [float(f"{10 ** sc_ * RNG.uniform(0.8, 1.2):.6g}") for _ in range(t)]
            if RNG.random() < 0.25:
                r[RNG.randrange(t)] = blank()
            if RNG.random() < 0.1:
                r[RNG.randrange(t)] = errv() if RNG.random() < 0.5 else text()
            rows.append(r)
        add(fn, [rows], note)


def cases_abc():
    fn = "ABC"
    add(fn, [col([80, 15, 5])], "share exactly on the cut: 80/100 = 0.8 is not < 0.8 -> B; 95/100 -> C", expect=[["A"], ["B"], ["C"]])
    add(fn, [col([5, 15, 80])], "same, input order reversed", expect=[["C"], ["B"], ["A"]])
    add(fn, [col([80, 15, 5]), 0.81], "a_cut 0.81 -> 15 becomes A", expect=[["A"], ["A"], ["C"]])
    add(fn, [col([80, 15, 5]), 0.8, 0.96], "b_cut 0.96 -> 5 becomes B", expect=[["A"], ["B"], ["B"]])
    add(fn, [col([10, 30, 10, 50])], "ties keep input order: shares 0,.5,.8,.9", expect=[["B"], ["A"], ["B"], ["A"]])
    add(fn, [col([10, 30, 10, 50]), 0.85], "ties: first 10 at 0.8 -> A, second at 0.9 -> B", expect=[["A"], ["A"], ["B"], ["A"]])
    add(fn, [col([50, 50])], "tie: second 50 starts at 0.5 -> A", expect=[["A"], ["A"]])
    add(fn, [col([50, 50]), 0.5, 0.5], "tie on the cut: second is C", expect=[["A"], ["C"]])
    add(fn, [col([0, 0, 0])], "total 0 -> all C", expect=[["C"], ["C"], ["C"]])
    add(fn, [col([100, 0, 0])], "zero values after the total -> C", expect=[["A"], ["C"], ["C"]])
    add(fn, [col([100, None, ""])], "blank counts as 0 -> C", expect=[["A"], ["C"], ["C"]])
    add(fn, [col([None, 70, 30])], "blank first counts as 0", expect=[["C"], ["A"], ["A"]])
    add(fn, [col([None, None])], "all blank: total 0 -> all C", expect=[["C"], ["C"]])
    add(fn, [col([60, 40]), 0, 0], "a = b = 0: nothing is < 0 -> all C", expect=[["C"], ["C"]])
    add(fn, [col([60, 40, 0]), 1, 1], "a = b = 1: positive items A, zero item (share 1) C", expect=[["A"], ["A"], ["C"]])
    add(fn, [col([60, 40]), 0.5, 0.5], "a = b: no B", expect=[["A"], ["C"]])
    add(fn, [col([60, 40]), None, None], "omitted cuts -> 0.8, 0.95")
    add(fn, [col([60, 40]), "", [[None]]], "blank cuts -> defaults")
    add(fn, [col([7])], "single row -> A", expect=[["A"]])
    add(fn, [7], "single value -> A", expect=[["A"]])
    add(fn, [col([7, 3]), 0.97], "a_cut 0.97 > default b_cut 0.95 -> #NUM!", expect=CALL(NUM, True))
    add(fn, [col([7, 3]), -0.1], "a_cut < 0 -> #NUM!", expect=CALL(NUM, True))
    add(fn, [col([7, 3]), 0.9, 0.8], "a_cut > b_cut -> #NUM!", expect=CALL(NUM, True))
    add(fn, [col([7, 3]), 0.8, 1.2], "b_cut > 1 -> #NUM!", expect=CALL(NUM, True))
    add(fn, [col([7, 3]), "0.8"], "text cut -> #VALUE!", expect=CALL(VALUE, True))
    add(fn, [col([7, 3]), 0.8, E("#N/A")], "error cut propagates", expect=CALL(NA, True))
    add(fn, [col([-7])], "negative value -> #NUM!", expect=CALL(NUM, True))
    add(fn, [col([7, -3, 5])], "negative value in a range -> #NUM! (one error or every cell)", expect=CALL(NUM, True))
    add(fn, [col([7, "3", 5])], "text in values -> one #VALUE! for the call", expect=CALL(VALUE))
    add(fn, [col([7, E("#REF!"), 5])], "error in values -> #REF! for the call", expect=CALL("#REF!"))
    add(fn, [col([7, "x", 5]), 2], "text in values (phase 1) beats bad a_cut", expect=CALL(VALUE))
    add(fn, [col([7, -1, 5]), "x"], "text cut (phase 1) beats negative value (domain)", expect=CALL(VALUE, True))
    add(fn, [col([3, 1, 2]), 0.5, 0.8], "shares 0, 0.5, 0.8333 with a=0.5, b=0.8")
    add(fn, [col([1] * 10)], "ten equal values: shares 0..0.9")
    add(fn, [col([1] * 20), 0.8, 0.95], "twenty equal values: shares k/20 land exactly on 0.8 and 0.95")
    add(fn, [col([2**40, 3, 2**40])], "large integers, tie")
    while sum(1 for c in CASES if c["fn"] == fn) < 70:
        n = RNG.choice([2, 3, 5, 8, 10, 20, 40])
        mode = RNG.random()
        if mode < 0.4:
            vals = [float(RNG.randint(0, 100)) for _ in range(n)]
            note = f"random integers n={n}"
        elif mode < 0.7:
            sc_ = RNG.uniform(-3, 9)
            vals = [lu(sc_ - 2, sc_ + 2) for _ in range(n)]
            note = f"random reals n={n} ~1e{sc_:.0f}"
        else:
            vals = [float(f"{RNG.paretovariate(1.2):.6g}") for _ in range(n)]
            note = f"random Pareto n={n}"
        if RNG.random() < 0.3:
            vals[RNG.randrange(n)] = vals[RNG.randrange(n)]
            note += ", a tie"
        if RNG.random() < 0.2:
            vals[RNG.randrange(n)] = blank()
            note += ", a blank"
        args = [col(vals)]
        if RNG.random() < 0.5:
            a = round(RNG.uniform(0, 1), 3)
            b = round(RNG.uniform(a, 1), 3)
            args += [sc(a), sc(b)]
            note += f", cuts {a}/{b}"
        add(fn, args, note)


def cases_xyz():
    fn = "XYZ"
    add(fn, [[[1, 2, 3]]], "CV exactly 0.5 = x_cut -> X (<=)", expect=[["X"]], exact_ok=True)
    add(fn, [[[0, 1, 2]]], "CV exactly 1 = y_cut -> Y (<=)", expect=[["Y"]], exact_ok=True)
    add(fn, [[[0, 1, 2]], 1], "CV 1 with x_cut 1 -> X", expect=[["X"]], exact_ok=True)
    add(fn, [[[2, 4, 6]], 0.49], "CV 0.5 above x_cut 0.49 -> Y", expect=[["Y"]], exact_ok=True)
    add(fn, [[[5, 5, 5]], 0, 0], "CV 0 with cuts 0, 0 -> X", expect=[["X"]], exact_ok=True)
    add(fn, [[[0, 0, 9]]], "CV 1.73 -> Z", expect=[["Z"]])
    add(fn, [[[0, 0, 0]]], "mean 0 -> Z (DEMANDCV would be #DIV/0!)", expect=[["Z"]])
    add(fn, [[[-1, 1]]], "mean exactly 0 (negative history allowed) -> Z", expect=[["Z"]])
    add(fn, [[[-5, -6, -7]]], "negative mean -> Z", expect=[["Z"]])
    add(fn, [[[5, None, ""]]], "one value -> Z", expect=[["Z"]])
    add(fn, [[[10, 11, 9, 10], [1, 9, 1, 9], [0, 0, 0, 40]]], "X, Y, Z rows")
    add(fn, [[[10, 11, 9, 10], [1, 9, 1, 9], [0, 0, 0, 40]], 0.01, 0.5], "custom cuts")
    add(fn, [[[10, 11, 9, 10], [1, 9, 1, 9]], 5, 10], "cuts above 1 (no upper bound) -> X")
    add(fn, [[[10, 11, 9, 10]], 1.5], "x_cut 1.5 > default y_cut 1.0 -> #NUM!", expect=CALL(NUM, True))
    add(fn, [[[10, 11, 9, 10]], -0.1], "x_cut < 0 -> #NUM!", expect=CALL(NUM, True))
    add(fn, [[[10, 11, 9, 10]], 0.6, 0.5], "y_cut < x_cut -> #NUM!", expect=CALL(NUM, True))
    add(fn, [[[10, 11, 9, 10]], None, ""], "blank/omitted cuts -> defaults")
    add(fn, [[[10, 11, 9, 10]], "0.5"], "text cut -> #VALUE!", expect=CALL(VALUE, True))
    add(fn, [[[10, 11, 9, 10], [1, 2, "3", 4]]], "text in history -> one #VALUE! for the call", expect=CALL(VALUE))
    add(fn, [[[10, 11, 9, 10], [1, 2, E("#N/A"), 4]]], "error in history -> #N/A for the call", expect=CALL(NA))
    add(fn, [[[10, "x", 9, 10]], -1], "text in history beats bad cut", expect=CALL(VALUE))
    add(fn, [[[1e5 + 1, 1e5 + 2, 1e5 + 3]], 1e-5, 2e-5], "large offset: CV 9.9998e-6 just under x_cut 1e-5 -> X")
    while sum(1 for c in CASES if c["fn"] == fn) < 60:
        n, t = RNG.randint(1, 10), RNG.choice([3, 4, 6, 12, 24])
        rows = []
        for _ in range(n):
            mode = RNG.random()
            base = lu(-2, 6)
            if mode < 0.4:
                r = [float(f"{base * RNG.uniform(0.7, 1.3):.6g}") for _ in range(t)]
            elif mode < 0.7:
                r = [float(f"{base * RNG.expovariate(1):.6g}") for _ in range(t)]
            elif mode < 0.85:
                r = [float(RNG.choice([0, 0, 0, RNG.randint(1, 30)])) for _ in range(t)]
            else:
                r = [float(f"{base * RNG.uniform(-1, 1.5):.6g}") for _ in range(t)]
            if RNG.random() < 0.25:
                r[RNG.randrange(t)] = blank()
            rows.append(r)
        note = f"random {n}x{t}"
        args = [rows]
        if RNG.random() < 0.5:
            x = round(RNG.uniform(0, 1), 2)
            y = round(RNG.uniform(x, 2), 2)
            args += [sc(x), sc(y)]
            note += f", cuts {x}/{y}"
        if RNG.random() < 0.08:
            rows[RNG.randrange(n)][RNG.randrange(t)] = errv() if RNG.random() < 0.5 else text()
            note += ", one offending cell"
        add(fn, args, note)


def cases_abcxyz():
    fn = "ABCXYZ"
    add(fn, [col([80, 15, 5]), [[1, 2, 3], [0, 1, 2], [0, 0, 9]]], "AX, BY, CZ on exact cuts", expect=[["AX"], ["BY"], ["CZ"]], exact_ok=True)
    add(fn, [col([5, 15, 80]), [[0, 0, 9], [0, 1, 2], [1, 2, 3]]], "reverse order", expect=[["CZ"], ["BY"], ["AX"]], exact_ok=True)
    add(fn, [col([80, 15, 5]), [[1, 2, 3], [0, 1, 2], [0, 0, 9]], 0.85, 0.99, 1, 2], "custom cuts", expect=[["AX"], ["AX"], ["BY"]], exact_ok=True)
    add(fn, [col([80, 15, 5]), [[1, 2, 3], [0, 1, 2], [0, 0, 9]], None, None, None, None], "omitted cuts", exact_ok=True)
    add(fn, [col([80, 15, 5]), [[1, 2, 3], [0, 1, 2], [0, 0, 9]], "", "", "", ""], "blank cuts", exact_ok=True)
    add(fn, [col([80, 15, 5]), [[1, 2, 3], [0, 1, 2]]], "row counts differ -> #VALUE!", expect=CALL(VALUE))
    add(fn, [col([80, 15]), [[1, 2, 3], [0, 1, 2], [4, 5, 6]]], "row counts differ (other way) -> #VALUE!", expect=CALL(VALUE))
    add(fn, [col([80, None, 5]), [[1, 2, 3], [0, 0, 0], [0, 0, 9]]], "blank value counts 0; mean-0 history -> CZ", exact_ok=True)
    add(fn, [col([80, -1, 5]), [[1, 2, 3], [0, 0, 0], [0, 0, 9]]], "negative value -> #NUM!", expect=CALL(NUM, True))
    add(fn, [col([80, 15, 5]), [[1, 2, 3], [0, 1, 2], [0, 0, 9]], 0.9, 0.8], "a > b -> #NUM!", expect=CALL(NUM, True))
    add(fn, [col([80, 15, 5]), [[1, 2, 3], [0, 1, 2], [0, 0, 9]], None, None, 1.5], "x_cut > default y -> #NUM!", expect=CALL(NUM, True))
    add(fn, [col([80, "15", 5]), [[1, 2, 3], [0, 1, 2], [0, 0, 9]]], "text in values -> #VALUE!", expect=CALL(VALUE))
    add(fn, [col([80, 15, 5]), [[1, 2, 3], [0, E("#DIV/0!"), 2], [0, 0, 9]]], "error in history propagates", expect=CALL(DIV))
    add(fn, [col([80, E("#N/A"), 5]), [[1, 2, 3], [0, "x", 2], [0, 0, 9]]], "values' error before history's text", expect=CALL(NA))
    add(fn, [col([80, 15, 5]), [[1, 2, 3], [0, 1, 2], [0, 0, 9]], "x"], "text cut -> #VALUE!", expect=CALL(VALUE, True))
    add(fn, [col([7]), [[3, 4, 5]]], "single row")
    add(fn, [col([50, 30, 20]), col([4, 5, 6])], "history n x 1: one value per row -> Z")
    while sum(1 for c in CASES if c["fn"] == fn) < 50:
        n, t = RNG.randint(2, 12), RNG.choice([4, 6, 12])
        vals = [float(RNG.randint(0, 100)) if RNG.random() < 0.5 else lu(-1, 5) for _ in range(n)]
        rows = []
        for _ in range(n):
            base = lu(-1, 4)
            if RNG.random() < 0.5:
                rows.append([float(f"{base * RNG.uniform(0.6, 1.4):.6g}") for _ in range(t)])
            else:
                rows.append([float(f"{base * RNG.expovariate(1):.6g}") for _ in range(t)])
        note = f"random n={n} t={t}"
        args = [col(vals), rows]
        if RNG.random() < 0.5:
            a = round(RNG.uniform(0.3, 0.9), 2)
            b = round(RNG.uniform(a, 1), 2)
            x = round(RNG.uniform(0, 1), 2)
            y = round(RNG.uniform(x, 2), 2)
            args += [a, b, x, y]
            note += f", cuts {a}/{b}/{x}/{y}"
        add(fn, args, note)


def main():
    cases_safetystock()
    cases_servicelevel()
    cases_fillrate()
    cases_reorderpoint()
    cases_eoq()
    cases_daysofsupply()
    cases_normloss()
    cases_sigmalt()
    cases_gmroii()
    cases_release()
    cases_ccc()
    for fn in ("DIO", "DSO", "DPO", "TURNS"):
        cases_ratio(fn)
    for fn in ("WAPE", "MAPE", "BIAS"):
        cases_accuracy(fn)
    cases_demandcv()
    cases_abc()
    cases_xyz()
    cases_abcxyz()
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases.json")
    with open(out, "w") as f:
        json.dump(
            {
                "source": "DESIGN.md §2-§3 via test/reference/generate.py (independent of src/)",
                "count": len(CASES),
                "cases": CASES,
            },
            f,
            indent=None,
            separators=(",", ":"),
            allow_nan=False,
        )
        f.write("\n")
    counts = {}
    for c in CASES:
        counts[c["fn"]] = counts.get(c["fn"], 0) + 1
    print(f"wrote {len(CASES)} cases to {out}")
    for k, v in counts.items():
        print(f"  {k:13s} {v}")
    hand = [d for d in DROPPED if not d[1].startswith("random")]
    print(f"dropped as undecided: {len(DROPPED)} (hand-written: {len(hand)})")
    for d in hand:
        print("  ", d)


if __name__ == "__main__":
    main()
