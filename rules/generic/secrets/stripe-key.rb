# ruleid: generic.secrets.stripe-key
Stripe.api_key = "sk_live_4eC39HqLyjWDarjtT1zdp7dcXq"
# ok: generic.secrets.stripe-key
Stripe.api_key = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"
# ok: generic.secrets.stripe-key
Stripe.api_key = ENV["STRIPE_SECRET_KEY"]
