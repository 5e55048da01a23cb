"""pytest at the repository root: the page scripts in app_pages/ draw a Streamlit page when
imported, so they are tested through AppTest and the browser (tests/), never imported for
doctests; every other module in app_pages/ has its doctests run."""

collect_ignore = [
    "app_pages/numbers.py",
    "app_pages/compare.py",
    "app_pages/next_steps.py",
    "app_pages/about.py",
]
