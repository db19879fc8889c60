import yaml


def read(stream):
    # ruleid: python.security.yaml-load-unsafe
    config = yaml.load(stream)
    # ruleid: python.security.yaml-load-unsafe
    other = yaml.load(stream, Loader=yaml.FullLoader)
    # ruleid: python.security.yaml-load-unsafe
    unsafe = yaml.unsafe_load(stream)
    # ok: python.security.yaml-load-unsafe
    safe = yaml.safe_load(stream)
    # ok: python.security.yaml-load-unsafe
    also_safe = yaml.load(stream, Loader=yaml.SafeLoader)
    return config, other, unsafe, safe, also_safe
