"""Normal and Student t distribution functions, in pure Python.

The normal quantile is the standard library's (``statistics.NormalDist.inv_cdf``, Wichura's
AS 241, accurate to about 1e-16). The t distribution goes through the regularized incomplete
beta function, evaluated by its continued fraction (modified Lentz), and the t quantile by
Newton's method inside a bracket that always holds the root.
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


def _stirling_tail(x: float) -> float:
    # ln Γ(x) − [(x − ½)·ln x − x + ½·ln 2π], the asymptotic series; accurate for x ≥ 10.
    x2 = x * x
    return (1.0 / 12.0 - (1.0 / 360.0 - (1.0 / 1260.0 - 1.0 / (1680.0 * x2)) / x2) / x2) / x


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


def t_pdf(t: float, df: float) -> float:
    log_density = (
        math.lgamma((df + 1.0) / 2.0)
        - math.lgamma(df / 2.0)
        - 0.5 * math.log(df * math.pi)
        - (df + 1.0) / 2.0 * math.log1p(t * t / df)
    )
    return math.exp(log_density)


@lru_cache(maxsize=4096)
def t_quantile(p: float, df: float) -> float:
    """Return t with P(T ≤ t) = p for Student's t with ``df`` degrees of freedom."""
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
        return math.tan(math.pi * (p - 0.5))
    if df == 2:
        return (2.0 * p - 1.0) / math.sqrt(2.0 * p * tail)
    # The t quantile is never below the normal one, so the normal quantile brackets it from below.
    low = normal_quantile(p)
    high = max(2.0 * low, 1.0)
    while t_upper_tail(high, df) > tail:
        low, high = high, 2.0 * high
    t = low
    for _ in range(200):
        excess = t_upper_tail(t, df) - tail
        if excess > 0:
            low = t
        else:
            high = t
        step = excess / t_pdf(t, df)
        candidate = t + step
        if not low < candidate < high:
            candidate = 0.5 * (low + high)
        if abs(candidate - t) <= 4 * _EPSILON * abs(candidate) or high - low <= 4 * _EPSILON * high:
            return candidate
        t = candidate
    return t


def critical_t(level: float, df: float) -> float:
    """Return the t of a two-sided interval at confidence ``level`` on ``df`` degrees of freedom."""
    _check_level(level)
    return t_quantile(0.5 + level / 2.0, df)
