from __future__ import annotations

import gc

import pytest
from triglot.gctuning import fewer_collections


def test_thresholds_are_raised_for_the_block_and_given_back_even_on_error() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), fewer_collections():
        assert gc.get_threshold()[0] > before[0]
        raise RuntimeError
    assert gc.get_threshold() == before
