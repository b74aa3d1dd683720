"""Normal and Student t distribution functions, in pure Python.

The normal quantile is the standard library's (``statistics.NormalDist.inv_cdf``, Wichura's
AS 241, accurate to about 1e-16). The t distribution goes through the regularized incomplete
beta function, evaluated by its continued fraction (modified Lentz). The t quantile is the
Cornish–Fisher expansion about the normal quantile where that is exact to double precision
(large df, the usual case for a group's interval), else Hill's approximation refined by
Halley's method inside a bracket that always holds the root.
"""

from __future__ import annotations

import math
from functools import lru_cache
from statistics import NormalDist

_STANDARD_NORMAL = NormalDist()
_SQRT2 = math.sqrt(2.0)
_EPSILON = 1e-16
_TINY = 1e-300
_MAX_TERMS = 100_000


def normal_cdf(x: float) -> float:
    return 0.5 * math.erfc(-x / _SQRT2)


def normal_quantile(p: float) -> float:
    """Return z with P(Z ≤ z) = p for the standard normal Z."""
    if not 0.0 < p < 1.0:
        raise ValueError(f"a probability strictly between 0 and 1 is needed, got {p}")
    return _STANDARD_NORMAL.inv_cdf(p)


def normal_two_sided_p(z: float) -> float:
    """Return P(|Z| ≥ |z|) without the cancellation of 1 − cdf."""
    return math.erfc(abs(z) / _SQRT2)


@lru_cache(maxsize=64)
def critical_z(level: float) -> float:
    """Return the z of a two-sided interval at confidence ``level`` (1.959963… at 0.95)."""
    _check_level(level)
    return normal_quantile(0.5 + level / 2.0)


def _check_level(level: float) -> None:
    if not 0.0 < level < 1.0:
        raise ValueError(f"the confidence level must be between 0 and 1, got {level}")


def _beta_continued_fraction(x: float, a: float, b: float) -> float:
    # Numerical Recipes' betacf: converges quickly for x < (a + 1) / (a + b + 2).
    # This loop is the hottest of the analysis (every t quantile runs it a few hundred times),
    # so it is written for CPython's float fast paths: the term counter m is a float (whole
    # numbers are exact), and Lentz's guard (|d| or |c| at or below tiny becomes tiny) is two
    # comparisons instead of a call to abs(). The arithmetic is the same, operation for operation.
    tiny = _TINY
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c = 1.0
    d = 1.0 - qab * x / qap
    if not (d > tiny or d < -tiny):
        d = tiny
    d = 1.0 / d
    h = d
    m = 0.0
    for _ in range(_MAX_TERMS):
        m += 1.0
        m2 = m + m
        a_m2 = a + m2
        aa = m * (b - m) * x / ((qam + m2) * a_m2)
        d = 1.0 + aa * d
        if not (d > tiny or d < -tiny):
            d = tiny
        d = 1.0 / d
        c = 1.0 + aa / c
        if not (c > tiny or c < -tiny):
            c = tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / (a_m2 * (qap + m2))
        d = 1.0 + aa * d
        if not (d > tiny or d < -tiny):
            d = tiny
        d = 1.0 / d
        c = 1.0 + aa / c
        if not (c > tiny or c < -tiny):
            c = tiny
        delta = d * c
        h *= delta
        if -_EPSILON < delta - 1.0 < _EPSILON:
            return h
    raise ArithmeticError(f"incomplete beta did not converge for x={x}, a={a}, b={b}")


_STIRLING_TERMS = (1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156)
"""B₂ₖ / (2k·(2k − 1)), the coefficients of x^−(2k−1) in Stirling's series for ln Γ(x)."""


def _stirling_tail(x: float) -> float:
    # ln Γ(x) − [(x − ½)·ln x − x + ½·ln 2π], the asymptotic series. For x ≥ 10 its error is
    # below the first term left out, 3617 / 122400 / x¹⁵ ≤ 3e−17 (four terms would leave 1e−12).
    inverse_square = 1.0 / (x * x)
    total = 0.0
    for coefficient in reversed(_STIRLING_TERMS):
        total = total * inverse_square + coefficient
    return total / x


def _log_gamma_ratio(a: float, b: float) -> float:
    """Return ln Γ(a + b) − ln Γ(a) without the cancellation of two large lgamma values."""
    if a < 10.0:
        return math.lgamma(a + b) - math.lgamma(a)
    return (
        (a - 0.5) * math.log1p(b / a)
        + b * math.log(a + b)
        - b
        + _stirling_tail(a + b)
        - _stirling_tail(a)
    )


@lru_cache(maxsize=1024)
def _log_beta(a: float, b: float) -> float:
    # Cached: a t quantile evaluates the incomplete beta of one (a, b) at several points.
    small, large = (a, b) if a <= b else (b, a)
    return math.lgamma(small) - _log_gamma_ratio(large, small)


def _beta_front(x: float, y: float, a: float, b: float) -> float:
    # x + y = 1; the logarithm of whichever is near 1 goes through log1p of the other.
    log_x = math.log1p(-y) if x > 0.5 else math.log(x)
    log_y = math.log1p(-x) if y > 0.5 else math.log(y)
    return math.exp(a * log_x + b * log_y - _log_beta(a, b))


def _incomplete_beta(x: float, y: float, a: float, b: float) -> float:
    # y is 1 − x, passed in because the caller can often compute it without cancellation.
    if x <= 0.0:
        return 0.0
    if y <= 0.0:
        return 1.0
    if x < (a + 1.0) / (a + b + 2.0):
        return _beta_front(x, y, a, b) * _beta_continued_fraction(x, a, b) / a
    return 1.0 - _beta_front(y, x, b, a) * _beta_continued_fraction(y, b, a) / b


def regularized_beta(x: float, a: float, b: float) -> float:
    """Return I_x(a, b), the regularized incomplete beta function."""
    if a <= 0 or b <= 0:
        raise ValueError("the beta parameters must be positive")
    return _incomplete_beta(x, 1.0 - x, a, b)


def t_two_sided_p(t: float, df: float) -> float:
    """Return P(|T| ≥ |t|) for Student's t with ``df`` degrees of freedom (df may be fractional)."""
    if df <= 0:
        raise ValueError(f"degrees of freedom must be positive, got {df}")
    if math.isinf(t):
        return 0.0
    t2 = t * t
    if t2 == 0.0:
        return 1.0
    return _incomplete_beta(df / (df + t2), t2 / (df + t2), df / 2.0, 0.5)


def t_upper_tail(t: float, df: float) -> float:
    """Return P(T ≥ t)."""
    half = 0.5 * t_two_sided_p(t, df)
    return half if t >= 0 else 1.0 - half


def t_central(t: float, df: float) -> float:
    """Return P(0 ≤ T ≤ t) for t ≥ 0, to full precision also when t is small."""
    t2 = t * t
    return 0.5 * _incomplete_beta(t2 / (df + t2), df / (df + t2), 0.5, df / 2.0)


def t_pdf(t: float, df: float) -> float:
    return math.exp(_log_t_density_at_zero(df) - (df + 1.0) / 2.0 * math.log1p(t * t / df))


@lru_cache(maxsize=1024)
def _log_t_density_at_zero(df: float) -> float:
    # ln Γ((df + 1)/2) − ln Γ(df/2) − ½·ln(df·π); the gamma ratio without cancellation.
    return _log_gamma_ratio(df / 2.0, 0.5) - 0.5 * math.log(df * math.pi)


@lru_cache(maxsize=4096)
def t_quantile(p: float, df: float) -> float:
    """Return t with P(T ≤ t) = p for Student's t with ``df`` degrees of freedom.

    For large df the Cornish–Fisher expansion about the normal quantile is already exact to
    double precision. Otherwise Hill's approximation is refined by Halley's method on the exact
    distribution function, which takes one or two incomplete-beta evaluations.
    """
    if not 0.0 < p < 1.0:
        raise ValueError(f"a probability strictly between 0 and 1 is needed, got {p}")
    if df <= 0:
        raise ValueError(f"degrees of freedom must be positive, got {df}")
    if p == 0.5:
        return 0.0
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    tail = 1.0 - p
    if df == 1:
        return 1.0 / math.tan(math.pi * tail)  # tan(π(p − ½)), without its pole's lost digits
    if df == 2:
        return (2.0 * p - 1.0) / math.sqrt(2.0 * p * tail)
    z = normal_quantile(p)
    t, last_term = _cornish_fisher(z, df)
    if last_term <= _SERIES_EXACT * t:
        return t
    return _halley(_hill(z, tail, df) if df > 1.0 else z, tail, df, z)


_SERIES_EXACT = 2.0**-53
"""An asymptotic series is taken as exact once its last term is below half a unit in the last
place of the sum: its error is about the first term left out, smaller still."""


def _cornish_fisher(z: float, df: float) -> tuple[float, float]:
    """Return the t quantile as z + g₁(z)/df + … + g₅(z)/df⁵ and the size of the last term.

    The g are the Cornish–Fisher terms of Abramowitz & Stegun 26.7.5, the fifth from Fisher &
    Cornish (1960); the error is of the order of 1/df⁶.
    """
    z2 = z * z
    terms = (
        (z2 + 1.0) * z / 4.0,
        ((5.0 * z2 + 16.0) * z2 + 3.0) * z / 96.0,
        (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) * z / 384.0,
        ((((79.0 * z2 + 776.0) * z2 + 1482.0) * z2 - 1920.0) * z2 - 945.0) * z / 92160.0,
        (((((27.0 * z2 + 339.0) * z2 + 930.0) * z2 - 1782.0) * z2 - 765.0) * z2 + 17955.0)
        * z
        / 368640.0,
    )
    correction = 0.0
    for term in reversed(terms):
        correction = (correction + term) / df
    return z + correction, abs(terms[-1]) / df ** len(terms)


def _hill(z: float, tail: float, df: float) -> float:
    """Return Hill's approximation of the upper ``tail`` quantile for df > 1 (ACM Algorithm 396).

    Good to about six digits from df = 3 on, to a few percent just above df = 1. Written after
    Hill (1970) as R's ``qt`` has it; ``z`` is the normal quantile of the same probability.
    """
    two_sided = 2.0 * tail
    a = 1.0 / (df - 0.5)
    b = 48.0 / (a * a)
    c = ((20700.0 * a / b - 98.0) * a - 16.0) * a + 96.36
    d = ((94.5 / (b + c) - 3.0) / b + 1.0) * math.sqrt(a * math.pi / 2.0) * df
    y = (d * two_sided) ** (2.0 / df)
    if (df < 2.1 and two_sided > 0.5) or y > 0.05 + a:
        # Near the centre: an expansion about the normal quantile (x is the lower one).
        x = -z
        if df < 5.0:
            c += 0.3 * (df - 4.5) * (x + 0.6)
        c = (((0.05 * d * x - 5.0) * x - 7.0) * x - 2.0) * x + b + c
        y = x * x
        y = (((((0.4 * y + 6.3) * y + 36.0) * y + 94.5) / c - y - 3.0) / b + 1.0) * x
        y = math.expm1(a * y * y)
    else:
        # Far in the tail: an expansion in powers of the tail probability.
        inner = 1.0 / (((df + 6.0) / (df * y) - 0.089 * d - 0.822) * (df + 2.0) * 3.0)
        y = ((inner + 0.5 / (df + 4.0)) * y - 1.0) * (df + 1.0) / (df + 2.0) + 1.0 / y
    return math.sqrt(df * y)


_HALLEY_DONE = 1e-6
"""Halley's method triples the correct digits: after a step of relative size below this, the
error left is of the order of its cube, far below a unit in the last place."""


def _halley(t: float, tail: float, df: float, low: float) -> float:
    """Solve P(T ≥ t) = ``tail`` from the guess ``t``, the root kept in a bracket above ``low``.

    ``low`` is the normal quantile: the t quantile is never below it. A step that would leave
    the bracket falls back to Newton's, then to bisection (or doubling, with no upper bound yet).
    """
    # Near the median P(T ≥ t) is close to ½ and has lost the digits of a small t; there the
    # equation is solved for P(0 ≤ T ≤ t) instead, which keeps them (both targets are exact).
    central = tail > 0.25
    half_mass = 0.5 - tail
    high = math.inf
    for _ in range(200):
        excess = half_mass - t_central(t, df) if central else t_upper_tail(t, df) - tail
        if excess == 0.0:
            return t
        if excess > 0.0:
            low = t
        else:
            high = t
        newton = excess / t_pdf(t, df)
        # The density falls off as f'/f = −(df + 1)·t / (df + t²), which gives Halley's step
        # as Newton's divided by 1 − ½·newton·(df + 1)·t / (df + t²).
        halley = newton / (1.0 - 0.5 * newton * (df + 1.0) * t / (df + t * t))
        candidate = t + halley
        if not low < candidate < high:
            candidate = t + newton
        if low < candidate < high:
            if abs(candidate - t) <= _HALLEY_DONE * candidate:
                return candidate
        elif high < math.inf:
            candidate = 0.5 * (low + high)
            if high - low <= 4 * _EPSILON * high:
                return candidate
        else:
            candidate = 2.0 * t
        t = candidate
    return t


def critical_t(level: float, df: float) -> float:
    """Return the t of a two-sided interval at confidence ``level`` on ``df`` degrees of freedom."""
    _check_level(level)
    return t_quantile(0.5 + level / 2.0, df)
