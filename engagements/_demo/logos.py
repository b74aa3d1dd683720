"""The three demo clients' logos: a shape and a wordmark, plain SVG with generic font families."""

NORTHWIND = """\
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 96" width="400" height="96" role="img">
  <title>Northwind Logistics</title>
  <circle cx="48" cy="48" r="36" fill="#0b4f6c"/>
  <circle cx="48" cy="48" r="27" fill="none" stroke="#7fc8e8" stroke-width="2"/>
  <path d="M48 17 L60 55 L48 47 L36 55 Z" fill="#ffffff"/>
  <path d="M48 79 L42 60 L48 64 L54 60 Z" fill="#7fc8e8"/>
  <text x="100" y="50" font-family="sans-serif" font-size="32" font-weight="700"
        letter-spacing="2" fill="#0b4f6c">NORTHWIND</text>
  <text x="102" y="74" font-family="sans-serif" font-size="14" letter-spacing="6"
        fill="#4a6b7c">LOGISTICS</text>
</svg>
"""

BALTIC_HOME = """\
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 380 96" width="380" height="96" role="img">
  <title>Mājas Stils</title>
  <rect x="60" y="22" width="9" height="18" fill="#d9a441"/>
  <path d="M14 50 L48 18 L82 50" fill="none" stroke="#8c4a2f" stroke-width="6"
        stroke-linecap="round" stroke-linejoin="round"/>
  <rect x="24" y="46" width="48" height="36" rx="3" fill="#8c4a2f"/>
  <rect x="42" y="58" width="12" height="24" fill="#f3e6d8"/>
  <text x="100" y="54" font-family="serif" font-size="34" font-weight="700"
        fill="#3d2b1f">Mājas Stils</text>
  <text x="102" y="78" font-family="sans-serif" font-size="12" letter-spacing="2"
        fill="#8c4a2f">VEIKALI MĀJAI · KOPŠ 2004</text>
</svg>
"""

KYIV_PHARMA = """\
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 96" width="360" height="96" role="img">
  <title>Здоров’я Плюс</title>
  <rect x="12" y="12" width="72" height="72" rx="18" fill="#1b8a5a"/>
  <path d="M40 26 H56 V40 H70 V56 H56 V70 H40 V56 H26 V40 H40 Z" fill="#ffffff"/>
  <circle cx="70" cy="26" r="7" fill="#f2c14e"/>
  <text x="100" y="52" font-family="sans-serif" font-size="30" font-weight="700"
        fill="#14603f">Здоров’я <tspan font-weight="400" fill="#1b8a5a">Плюс</tspan></text>
  <text x="101" y="76" font-family="sans-serif" font-size="13" letter-spacing="2"
        fill="#4f6f60">ОНЛАЙН-АПТЕКА</text>
</svg>
"""
