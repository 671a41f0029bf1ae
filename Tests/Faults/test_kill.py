"""Short kill test: answer saves under load survive three SIGKILLs (bench/kill-test.py does 20+)."""

import faultlib


def test_every_acknowledged_save_survives_three_sigkills(server):
    run = faultlib.KillTest(server, workers=8, seed=None, min_load=0.3, max_load=1.2).run(kills=3)
    print(run.summary())

    assert run.kills == 3
    assert run.acknowledged > 0, "no save was acknowledged"
    assert run.lost == []
    assert run.integrity == []
    assert run.errors == []
