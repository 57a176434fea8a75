"""The who's who: its table (data/people.csv), its page and the links from chapters to it.

- `table`: the people and organisations, their spellings, and where the chapters name them;
- `page`: the directive that writes the entries on back/people.md;
- `links`: the build step that links each chapter's first mention of an entry to the page.
"""
