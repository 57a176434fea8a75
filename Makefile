# The two commands of the README: `make book` and `make test`. Both set up .venv themselves.
PY := .venv/bin/python
PORT ?= 8000

.PHONY: book serve test bench quizzes quiz-report pdf offline clean

book:
	bash scripts/setup.sh runtime
	$(PY) scripts/build_book.py

serve: book
	@echo "Serving the book at http://127.0.0.1:$(PORT)/ (Ctrl-C stops it)"
	$(PY) -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

test:
	bash scripts/setup.sh test
	$(PY) -m ruff check .
	$(PY) -m pytest --nbval-lax -v

pdf: book
	bash scripts/setup.sh test
	$(PY) scripts/print_pdfs.py _build/pdf

offline: book
	$(PY) -m nk_course.site.offline _build/html _build/offline/nagorno-karabakh-course.zip

quizzes:
	bash scripts/setup.sh runtime
	$(PY) -m nk_course.quiz.export _build/quizzes

quiz-report:
	bash scripts/setup.sh runtime
	$(PY) -m nk_course.quiz.lint

bench:
	bash scripts/setup.sh test
	$(PY) benchmarks/bench.py

clean:
	rm -rf _build
